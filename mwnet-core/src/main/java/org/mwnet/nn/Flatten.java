package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/** Flattens [batch, C, H, W] to [batch, C*H*W]. VJP: reshape back. */
public final class Flatten implements Layer {
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
        return Trace.of(y, (dy, grads, needInputGradient) -> needInputGradient ? dy.reshape(back) : null);
    }
}
