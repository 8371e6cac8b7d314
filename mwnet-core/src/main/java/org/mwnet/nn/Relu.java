package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Rectified linear unit. VJP: {@code dx = dy * step(y)}, with y the output (positive exactly where x is): the input
 * need not be kept for the backward pass, which the next layer keeps the output for anyway.
 */
public final class Relu implements Layer {
    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape;
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        SDVariable y = sd.nn.relu(x, 0);
        return Trace.of(y, (dy, grads, needInputGradient) -> needInputGradient ? dy.mul(sd.math.step(y, 0)) : null);
    }
}
