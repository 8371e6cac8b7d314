package org.mwnet.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * 2-D convolution, NCHW, square kernel, stride and zero padding; weights [kH, kW, inC, outC].
 * VJP, where SameDiff will differentiate it (the meta step): the weight gradient is itself a convolution at stride 1
 * and an im2col product otherwise ({@link #weightGradient}); the input gradient is a transposed convolution
 * ({@link #transposed}); all exact for every stride and padding, and all ops SameDiff differentiates once. Where it
 * will not (the classifier update), nd4j's fused convolution gradient op gives all three gradients at once.
 */
public final class Conv2d implements Layer {
    private final String name;
    private final long inC;
    private final long outC;
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean bias;
    private final Init init;

    /**
     * @param name layer name; parameters {@code name.weight} (and {@code name.bias})
     * @param inC input channels
     * @param outC output channels
     * @param kernel kernel height and width
     * @param stride stride in both directions
     * @param pad zero padding on every side
     * @param bias whether the layer has a bias
     * @param init weight initialisation
     */
    public Conv2d(String name, long inC, long outC, int kernel, int stride, int pad, boolean bias, Init init) {
        this.name = name;
        this.inC = inC;
        this.outC = outC;
        this.k = kernel;
        this.stride = stride;
        this.pad = pad;
        this.bias = bias;
        this.init = init;
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        long fanIn = inC * k * k;
        p.add(new ParamSpec(name + ".weight", new long[] {k, k, inC, outC}, init, fanIn, true));
        if (bias) {
            p.add(new ParamSpec(name + ".bias", new long[] {outC}, Init.UNIFORM_FAN_IN, fanIn, true));
        }
        return p;
    }

    private long outSize(long size) {
        return (size + 2L * pad - k) / stride + 1;
    }

    @Override
    public long[] outputShape(long[] s) {
        if (s.length != 3 || s[0] != inC) {
            throw new IllegalArgumentException(name + " expects [" + inC + ", H, W] inputs, got "
                    + java.util.Arrays.toString(s));
        }
        return new long[] {outC, outSize(s[1]), outSize(s[2])};
    }

    @Override
    public long multiplyAdds(long[] s) {
        long[] o = outputShape(s);
        return o[0] * o[1] * o[2] * inC * k * k;
    }

    private Conv2DConfig config() {
        return Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        SameDiff sd = scope.sd();
        SDVariable w = scope.param(name + ".weight");
        SDVariable y = bias ? sd.cnn.conv2d(x, w, scope.param(name + ".bias"), config())
                : sd.cnn.conv2d(x, w, config());
        long b = shape[0];
        long h = shape[2];
        long wd = shape[3];
        if (!scope.backwardDifferentiated()) {
            return Trace.of(y, (dy, grads, needInputGradient) -> fusedBackward(sd, x, w, scope, dy, grads));
        }
        return Trace.of(y, (dy, grads, needInputGradient) -> {
            grads.put(name + ".weight", weightGradient(sd, x, dy, new long[] {b, inC, h, wd}));
            if (bias) {
                grads.put(name + ".bias", dy.sum(0, 2, 3));
            }
            return needInputGradient ? transposed(sd, dy, w, k, stride, pad, new long[] {b, inC, h, wd}) : null;
        });
    }

    /**
     * Where the backward pass is not differentiated: nd4j's own convolution gradient op (oneDNN's backward-data and
     * backward-weights primitives), one op for the input, weight and bias gradients.
     */
    private SDVariable fusedBackward(SameDiff sd, SDVariable x, SDVariable w, Scope scope, SDVariable dy,
                                     Map<String, SDVariable> grads) {
        SDVariable[] inputs = bias ? new SDVariable[] {x, w, scope.param(name + ".bias"), dy}
                : new SDVariable[] {x, w, dy};
        SDVariable[] out = new Conv2DDerivative(sd, inputs, config()).outputVariables();
        grads.put(name + ".weight", out[1]);
        if (bias) {
            grads.put(name + ".bias", out[2]);
        }
        return out[0];
    }

    /**
     * The weight gradient {@code dW[kh, kw, i, o] = sum_{n, y, x} xpad[n, i, y*s + kh, x*s + kw] dy[n, o, y, x]}.
     * At stride 1 it is one convolution: the input viewed as [inC, b, H, W] (the batch becomes the channels being
     * summed) correlated with dy viewed as a kernel [oH, oW, b, outC], with the layer's padding, giving
     * [inC, outC, k, k]. Nothing k*k times the input's size is materialised, and oneDNN runs it where present.
     * A strided layer would need that convolution dilated by the stride, which oneDNN (nd4j 1.0.0-M2.1) rejects; its
     * output is a quarter of its input's size, so an im2col product is cheap there.
     */
    private SDVariable weightGradient(SameDiff sd, SDVariable x, SDVariable dy, long[] inShape) {
        long b = inShape[0];
        long oH = outSize(inShape[2]);
        long oW = outSize(inShape[3]);
        if (stride == 1) {
            Conv2DConfig cfg = Conv2DConfig.builder().kH(oH).kW(oW).sH(1).sW(1).pH(pad).pW(pad)
                    .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
            SDVariable full = sd.cnn.conv2d(x.permute(1, 0, 2, 3), dy.permute(2, 3, 0, 1), cfg);
            return full.permute(2, 3, 0, 1);
        }
        // columns [b, iC, kH, kW, oH, oW] -> [iC*kH*kW, b*oH*oW] times dy [b*oH*oW, oC]
        SDVariable cols = sd.cnn.im2Col(x, config()).permute(1, 2, 3, 0, 4, 5).reshape(inC * k * k, b * oH * oW);
        SDVariable dyMat = dy.permute(0, 2, 3, 1).reshape(b * oH * oW, outC);
        return sd.mmul(cols, dyMat).reshape(inC, k, k, outC).permute(1, 2, 0, 3);
    }

    /**
     * The input gradient of a convolution: at stride 1 a transposed convolution (deconv2d) with the same padding;
     * otherwise deconv2d without padding, then cropped by the padding (or extended with zeros where the last rows
     * and columns never met the kernel) to the input's size.
     *
     * @param sd the graph
     * @param dy gradient of the convolution's output, [b, outC, oH, oW]
     * @param w the convolution's weights [k, k, inC, outC]
     * @param k kernel size
     * @param stride stride
     * @param pad padding
     * @param inShape the convolution's input shape [b, inC, h, w]
     * @return the gradient with respect to the input, of that shape
     */
    static SDVariable transposed(SameDiff sd, SDVariable dy, SDVariable w, int k, int stride, int pad, long[] inShape) {
        if (stride == 1) {
            // (oH - 1) + k - 2 pad = H: the padded transposed convolution has the input's size already
            DeConv2DConfig same = DeConv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(pad).pW(pad)
                    .isSameMode(false).dataFormat("NCHW").build();
            return sd.cnn.deconv2d(dy, w, same);
        }
        DeConv2DConfig cfg = DeConv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(0).pW(0)
                .isSameMode(false).dataFormat("NCHW").build();
        SDVariable full = sd.cnn.deconv2d(dy, w, cfg);
        long h = inShape[2];
        long wd = inShape[3];
        long oH = (h + 2L * pad - k) / stride + 1;
        long oW = (wd + 2L * pad - k) / stride + 1;
        long fullH = (oH - 1) * stride + k;
        long fullW = (oW - 1) * stride + k;
        long extraH = Math.max(0, pad + h - fullH);
        long extraW = Math.max(0, pad + wd - fullW);
        if (extraH > 0 || extraW > 0) {
            long[][] padding = {{0, 0}, {0, 0}, {0, extraH}, {0, extraW}};
            full = sd.nn.pad(full, sd.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(padding)), 0.0);
        }
        return sd.slice(full, new int[] {0, 0, pad, pad}, (int) inShape[0], (int) inShape[1], (int) h, (int) wd);
    }
}
