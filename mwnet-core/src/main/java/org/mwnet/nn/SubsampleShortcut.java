package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ResNet's parameter-free "option A" shortcut: keep every second row and column and pad the channels with zeros
 * on both sides ({@code pad(x[:, :, ::2, ::2])}). Written as a fixed 1x1 stride-2 convolution whose kernel is an
 * identity placed in the middle channels, so its VJP is the matching transposed convolution.
 */
public final class SubsampleShortcut implements Layer {
    private final long inC;
    private final long outC;

    /**
     * @param inC input channels
     * @param outC output channels (at least inC; the extra channels are split evenly before and after)
     */
    public SubsampleShortcut(long inC, long outC) {
        if (outC < inC || (outC - inC) % 2 != 0) {
            throw new IllegalArgumentException("cannot pad " + inC + " channels evenly to " + outC);
        }
        this.inC = inC;
        this.outC = outC;
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[] {outC, (s[1] + 1) / 2, (s[2] + 1) / 2};
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        // built on the heap and handed to ND4J whole: no element writes into an existing array (see HostArrays)
        double[] identity = new double[Math.toIntExact(inC * outC)];
        long offset = (outC - inC) / 2;
        for (long c = 0; c < inC; c++) {
            identity[(int) (c * outC + c + offset)] = 1.0;
        }
        var kernel = Nd4j.createFromArray(identity).reshape(1, 1, inC, outC).castTo(scope.dataType());
        SDVariable w = sd.constant(kernel);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(1).kW(1).sH(2).sW(2).pH(0).pW(0)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable y = sd.cnn.conv2d(x, w, cfg);
        return Trace.of(y, (dy, grads, needInputGradient) ->
                needInputGradient ? Conv2d.transposed(sd, dy, w, 1, 2, 0, shape) : null);
    }
}
