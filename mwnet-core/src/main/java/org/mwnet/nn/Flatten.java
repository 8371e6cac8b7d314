package org.mwnet.nn;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/** Flattens [batch, C, H, W] to [batch, C*H*W]. VJP: reshape back. */
public final class Flatten implements Layer {
    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long n = 1;
        for (long s : inputShape) {
            n *= s;
        }
        return new long[] {n};
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        long[] back = shape.clone();
        back[0] = -1;
        SDVariable y = x.reshape(-1, outputShape(java.util.Arrays.copyOfRange(shape, 1, shape.length))[0]);
        return new Trace() {
            @Override
            public SDVariable output() {
                return y;
            }

            @Override
            public SDVariable backward(SDVariable dy, Map<String, SDVariable> grads, boolean needInputGradient) {
                return needInputGradient ? dy.reshape(back) : null;
            }
        };
    }
}
