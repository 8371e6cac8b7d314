package org.mwnet.nn;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/** Global average pooling [batch, C, H, W] to [batch, C]. VJP: spread dy evenly over H*W. */
public final class GlobalAvgPool implements Layer {
    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public long[] outputShape(long[] s) {
        return new long[] {s[0]};
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        SDVariable y = x.mean(2, 3);
        return new Trace() {
            @Override
            public SDVariable output() {
                return y;
            }

            @Override
            public SDVariable backward(SDVariable dy, Map<String, SDVariable> grads, boolean needInputGradient) {
                if (!needInputGradient) {
                    return null;
                }
                SDVariable spread = sd.constant(Nd4j.valueArrayOf(new long[] {1, 1, shape[2], shape[3]}, 1.0 / (shape[2] * shape[3]),
                        scope.dataType()));
                return dy.reshape(-1, shape[1], 1, 1).mul(spread);
            }
        };
    }
}
