package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;

/**
 * Keeps a graph's memory bounded while it runs. SameDiff 1.0.0-M2.1 releases each intermediate array as soon as its
 * last consumer has run, but into a per-thread cache that may grow to a quarter of JavaCPP's memory limit (the
 * JVM's maximum heap by default: gigabytes beside the live arrays). Each thread's session here caches at most
 * {@link #CACHE_BYTES}, enough for the next call to reuse most buffers without new native allocations.
 */
public final class GraphMemory {
    /** Upper bound of one thread's cache of released arrays, per graph. */
    public static final long CACHE_BYTES = 256L << 20;

    private GraphMemory() {
    }

    /**
     * Call before each run of the graph: installs the bounded cache for the calling thread once, and switches on the
     * release of intermediates (which {@code SameDiff.calculateGradients} switches off).
     *
     * @param sd the graph (for a gradient, its {@code "grad"} function)
     */
    public static void bound(SameDiff sd) {
        sd.setEnableCache(true);
        sd.getSessions().computeIfAbsent(Thread.currentThread().getId(), thread -> {
            InferenceSession session = new InferenceSession(sd);
            ArrayCacheMemoryMgr cache = new ArrayCacheMemoryMgr();
            cache.setMaxCacheBytes(CACHE_BYTES);
            session.getMmgr().close();
            session.setMmgr(cache);
            return session;
        });
    }
}
