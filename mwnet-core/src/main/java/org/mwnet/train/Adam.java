package org.mwnet.train;

import java.util.HashMap;
import java.util.Map;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with L2 weight decay added to the gradient, as PyTorch's {@code Adam(lr, weight_decay)} (betas 0.9, 0.999,
 * eps 1e-8). The learning rate is given per step.
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double weightDecay;
    private final Map<String, INDArray> state = new HashMap<>();
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
            INDArray w = params.get(e.getKey());
            INDArray g = weightDecay == 0 ? e.getValue() : e.getValue().add(w.mul(weightDecay));
            INDArray m = state.computeIfAbsent(e.getKey() + ".m", k -> g.like().assign(0));
            INDArray v = state.computeIfAbsent(e.getKey() + ".v", k -> g.like().assign(0));
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray denom = Transforms.sqrt(v.div(c2), false).addi(EPS);
            w.subi(m.div(denom).muli(lr / c1));
        }
    }

    @Override
    public Map<String, INDArray> state() {
        return state;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restore(Map<String, INDArray> saved, long savedSteps) {
        state.clear();
        saved.forEach((k, v) -> state.put(k, v.dup()));
        steps = savedSteps;
    }
}
