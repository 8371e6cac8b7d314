package org.mwnet.train;

import java.util.HashMap;
import java.util.Map;
import org.mwnet.io.HostArrays;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam with L2 weight decay added to the gradient, as PyTorch's {@code Adam(lr, weight_decay)} (betas 0.9, 0.999,
 * eps 1e-8). The learning rate is given per step. It updates V's few hundred values on the Java heap: one native
 * read and one write per parameter instead of a dozen dispatched ops. The write goes through {@link HostArrays}, so
 * the updated values reach the device copy on CUDA.
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double weightDecay;
    private final Map<String, double[]> first = new HashMap<>();
    private final Map<String, double[]> second = new HashMap<>();
    private long steps;

    /** @param weightDecay L2 coefficient, at least 0 */
    public Adam(double weightDecay) {
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam weight decay must be >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Parameters params, Map<String, INDArray> gradients, double lr) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (var e : gradients.entrySet()) {
            INDArray param = params.get(e.getKey());
            // row-major values of any shape (a class-aware V's heads are a matrix)
            double[] w = Nd4j.toFlattened('c', param).toDoubleVector();
            double[] g = Nd4j.toFlattened('c', e.getValue()).toDoubleVector();
            double[] m = first.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            double[] v = second.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                double gi = g[i] + weightDecay * w[i];
                m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
                v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
                w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
            }
            HostArrays.write(param, w);
        }
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> s = new HashMap<>();
        first.forEach((k, m) -> s.put(k + ".m", Nd4j.createFromArray(m)));
        second.forEach((k, v) -> s.put(k + ".v", Nd4j.createFromArray(v)));
        return s;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restore(Map<String, INDArray> saved, long savedSteps) {
        first.clear();
        second.clear();
        saved.forEach((k, a) -> (k.endsWith(".m") ? first : second).put(k.substring(0, k.length() - 2), a.toDoubleVector()));
        steps = savedSteps;
    }
}
