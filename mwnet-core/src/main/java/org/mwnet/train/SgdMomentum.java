package org.mwnet.train;

import java.util.HashMap;
import java.util.Map;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD with heavy-ball momentum and L2 weight decay, as PyTorch's {@code SGD(momentum, weight_decay)}:
 * {@code g += wd * w; v = mu * v + g; w -= lr * v}. Updates in place with BLAS axpy: no allocation per step
 * once the velocities exist (the gradient arrays handed in are overwritten).
 */
public final class SgdMomentum implements Optimizer {
    private final double momentum;
    private final double weightDecay;
    private final Map<String, INDArray> velocity = new HashMap<>();
    private long steps;

    /**
     * @param momentum mu in [0, 1)
     * @param weightDecay L2 coefficient, at least 0
     */
    public SgdMomentum(double momentum, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SGD needs momentum in [0, 1) and weight decay >= 0, got "
                    + momentum + " and " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(Parameters params, Map<String, INDArray> gradients, double lr) {
        Level1 blas = Nd4j.getBlasWrapper().level1();
        for (var e : gradients.entrySet()) {
            INDArray w = params.get(e.getKey());
            INDArray g = e.getValue();
            if (weightDecay != 0) {
                blas.axpy(w.length(), weightDecay, w, g);
            }
            INDArray v = velocity.get(e.getKey());
            if (v == null) {
                v = g.dup();
                velocity.put(e.getKey(), v);
            } else {
                v.muli(momentum).addi(g);
            }
            blas.axpy(w.length(), -lr, v, w);
        }
        steps++;
    }

    @Override
    public Map<String, INDArray> state() {
        return velocity;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restore(Map<String, INDArray> saved, long savedSteps) {
        velocity.clear();
        saved.forEach((k, v) -> velocity.put(k, v.dup()));
        steps = savedSteps;
    }
}
