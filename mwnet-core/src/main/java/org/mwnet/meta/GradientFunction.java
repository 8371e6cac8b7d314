package org.mwnet.meta;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A graph's gradient function, built once up front and run so that memory stays bounded.
 * <ul>
 * <li>SameDiff 1.0.0-M2.1 prints a line to standard output for every op it differentiates while building; that
 * output is swallowed so the library stays quiet.</li>
 * <li>{@code SameDiff.calculateGradients} switches off the session's array tracking, so every intermediate of the
 * forward and reverse pass stays allocated until the garbage collector finds it (gigabytes for ResNet-32). Running
 * the gradient function directly with tracking on releases each array as soon as its last consumer has run, into a
 * cache of bounded size that the next call reuses.</li>
 * </ul>
 */
final class GradientFunction {
    /** Upper bound of the per-graph cache of released arrays. */
    private static final long CACHE_BYTES = 256L << 20;

    private final SameDiff grad;
    private final Map<String, String> gradientNames = new HashMap<>();

    /**
     * @param sd the graph, its loss set
     * @param variables the variables whose gradients will be asked for
     */
    GradientFunction(SameDiff sd, List<String> variables) {
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction(variables.toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
        }
        this.grad = sd.getFunction("grad");
        for (String v : variables) {
            gradientNames.put(v, sd.getVariable(v).getGradient().name());
        }
    }

    /**
     * Runs the forward and reverse pass once.
     *
     * @param feed placeholder values
     * @param outputs forward values wanted besides the gradients
     * @return the gradients by variable name, and the outputs by name, in one map
     */
    Map<String, INDArray> run(Map<String, INDArray> feed, List<String> outputs) {
        ensureBoundedSession();
        List<String> wanted = new ArrayList<>(outputs);
        wanted.addAll(gradientNames.values());
        Map<String, INDArray> values = grad.output(feed, wanted.toArray(String[]::new));
        Map<String, INDArray> result = new HashMap<>();
        outputs.forEach(o -> result.put(o, values.get(o)));
        gradientNames.forEach((v, g) -> result.put(v, values.get(g)));
        return result;
    }

    /** Tracking on, and this thread's session caching at most {@link #CACHE_BYTES} of released arrays. */
    private void ensureBoundedSession() {
        grad.setEnableCache(true);
        long thread = Thread.currentThread().getId();
        InferenceSession session = grad.getSessions().get(thread);
        if (session == null) {
            session = new InferenceSession(grad);
            ArrayCacheMemoryMgr cache = new ArrayCacheMemoryMgr();
            cache.setMaxCacheBytes(CACHE_BYTES);
            session.getMmgr().close();
            session.setMmgr(cache);
            grad.getSessions().put(thread, session);
        }
    }
}
