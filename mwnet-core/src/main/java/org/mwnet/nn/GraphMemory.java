package org.mwnet.nn;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.mwnet.natives.ProcessMemory;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps a graph's memory bounded while it runs.
 * <ul>
 * <li>SameDiff 1.0.0-M2.1 releases each intermediate array as soon as its last consumer has run, but into a
 * per-thread cache that may grow to a quarter of JavaCPP's memory limit (the JVM's maximum heap by default:
 * gigabytes beside the live arrays). Each thread's session here caches at most {@link #CACHE_BYTES}, enough for the
 * next call to reuse most buffers without new native allocations.</li>
 * <li>Some arrays of a run are never released to that cache; their native memory returns only when the garbage
 * collector finds their Java objects, which a small Java heap rarely prompts (ND4J's buffers are not counted by
 * JavaCPP's memory limit either). A ResNet-32 meta step at batch 100 left about 500 MB a step that way. After each
 * run, {@link #output} asks for a collection once the process has grown by {@link #GROWTH_BYTES} since
 * the last one: about 0.1 s every step for ResNet-32 (1% of a step), rarely for small models.</li>
 * </ul>
 */
public final class GraphMemory {
    /** Upper bound of one thread's cache of released arrays, per graph. */
    public static final long CACHE_BYTES = 256L << 20;
    /** Growth of the resident set since the last collection that prompts the next. */
    public static final long GROWTH_BYTES = 256L << 20;

    private static final AtomicLong AFTER_LAST_COLLECTION = new AtomicLong();

    private GraphMemory() {
    }

    /**
     * Runs a graph with its memory bounded: the calling thread's bounded cache and the release of intermediates
     * before the run, a collection after it once the process has grown enough.
     *
     * @param sd the graph (for a gradient, its {@code "grad"} function)
     * @param feed placeholder values
     * @param outputs the variables wanted
     * @return their values by name
     */
    public static Map<String, INDArray> output(SameDiff sd, Map<String, INDArray> feed, String... outputs) {
        bound(sd);
        Map<String, INDArray> values = sd.output(feed, outputs);
        collectIfGrown();
        return values;
    }

    /**
     * Installs the bounded cache for the calling thread once, and switches on the release of intermediates (which
     * {@code SameDiff.calculateGradients} switches off).
     */
    private static void bound(SameDiff sd) {
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

    /** Collects garbage once the process has grown enough since the last time. */
    private static void collectIfGrown() {
        OptionalLong resident = ProcessMemory.residentBytes();
        if (resident.isEmpty() || resident.getAsLong() < AFTER_LAST_COLLECTION.get() + GROWTH_BYTES) {
            return;
        }
        System.gc();
        AFTER_LAST_COLLECTION.set(ProcessMemory.residentBytes().orElse(0));
    }
}
