package org.mwnet.backend;

import org.nd4j.linalg.factory.Nd4j;

/** Sets how many threads ND4J's native ops (OpenMP) and its BLAS use. */
public final class Threads {
    private Threads() {
    }

    /**
     * @param n threads, at least 1
     */
    public static void set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    /** @return the native ops' thread limit */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
