package org.mwnet.backend;

/**
 * A CUDA device as the driver reports it.
 *
 * @param name device name
 * @param computeCapability e.g. 8.6
 * @param memoryMiB total memory in MiB, or -1 where the driver does not report it (e.g. {@code [N/A]} on MIG slices)
 */
public record Gpu(String name, double computeCapability, long memoryMiB) {
    /** Lowest compute capability ND4J 1.0.0-M2.1's CUDA build has code for. */
    public static final double MIN_SUPPORTED = 3.7;
    /** Highest: the build ships sm_86 code, which sm_89 (Ada) also runs; Hopper (9.0) has no code. */
    public static final double MAX_SUPPORTED = 8.9;

    /** @return whether ND4J 1.0.0-M2.1's CUDA backend can run on it */
    public boolean supported() {
        return computeCapability >= MIN_SUPPORTED && computeCapability <= MAX_SUPPORTED;
    }

    @Override
    public String toString() {
        return name + " (compute capability " + computeCapability + ", "
                + (memoryMiB < 0 ? "memory not reported" : memoryMiB + " MiB") + ")";
    }
}
