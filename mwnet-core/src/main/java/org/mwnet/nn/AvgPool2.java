package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** 2x2 average pooling with stride 2 on even-sized inputs. VJP: {@code upsample2(dy) / 4}. */
public final class AvgPool2 implements Layer {
    @Override
    public long[] outputShape(long[] s) {
        if (s.length != 3 || s[1] % 2 != 0 || s[2] % 2 != 0) {
            throw new IllegalArgumentException("2x2 average pooling needs [C, H, W] with even H and W, got "
                    + java.util.Arrays.toString(s));
        }
        return new long[] {s[0], s[1] / 2, s[2] / 2};
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0)
                .type(Pooling2D.Pooling2DType.AVG).paddingMode(PaddingMode.VALID).isNHWC(false).build();
        SDVariable y = sd.cnn.avgPooling2d(x, cfg);
        return Trace.of(y, (dy, grads, needInputGradient) ->
                needInputGradient ? sd.cnn.upsampling2d(dy, 2, 2, true).mul(scope.scalar(0.25)) : null);
    }
}
