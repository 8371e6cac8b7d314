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
        var kernel = Nd4j.zeros(scope.dataType(), 1, 1, inC, outC);
        long offset = (outC - inC) / 2;
        for (long c = 0; c < inC; c++) {
            kernel.putScalar(new long[] {0, 0, c, c + offset}, 1.0);
        }
        SDVariable w = sd.constant(kernel);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(1).kW(1).sH(2).sW(2).pH(0).pW(0)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable y = sd.cnn.conv2d(x, w, cfg);
        return Trace.of(y, (dy, grads, needInputGradient) ->
                needInputGradient ? Conv2d.transposed(sd, dy, w, 1, 2, 0, shape) : null);
    }
}
