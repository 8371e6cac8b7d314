package org.mwnet.nn;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/** Rectified linear unit. VJP: {@code dx = dy * step(x)}. */
public final class Relu implements Layer {
    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape;
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        SDVariable y = sd.nn.relu(x, 0);
        return new Trace() {
            @Override
            public SDVariable output() {
                return y;
            }

            @Override
            public SDVariable backward(SDVariable dy, Map<String, SDVariable> grads, boolean needInputGradient) {
                return needInputGradient ? dy.mul(sd.math.step(x, 0)) : null;
            }
        };
    }
}
