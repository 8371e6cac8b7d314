package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/** Global average pooling [batch, C, H, W] to [batch, C]. VJP: spread dy evenly over H*W. */
public final class GlobalAvgPool implements Layer {
    @Override
    public long[] outputShape(long[] s) {
        return new long[] {s[0]};
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        SDVariable y = x.mean(2, 3);
        return Trace.of(y, (dy, grads, needInputGradient) -> {
            if (!needInputGradient) {
                return null;
            }
            double share = 1.0 / (shape[2] * shape[3]);
            SDVariable spread = sd.constant(Nd4j.valueArrayOf(new long[] {1, 1, shape[2], shape[3]}, share,
                    scope.dataType()));
            return dy.reshape(-1, shape[1], 1, 1).mul(spread);
        });
    }
}
