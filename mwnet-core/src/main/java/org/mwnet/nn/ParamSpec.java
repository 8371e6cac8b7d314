package org.mwnet.nn;

/**
 * A named parameter or buffer of a layer.
 *
 * @param name unique name, PyTorch style ({@code fc1.weight}, {@code bn1.running_mean})
 * @param shape its shape
 * @param init how it starts
 * @param fanIn inputs per output unit, for the scaled initialisations
 * @param trainable false for buffers (BatchNorm running statistics) that no optimiser touches
 */
public record ParamSpec(String name, long[] shape, Init init, long fanIn, boolean trainable) {
    /** @return the number of values */
    public long length() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
