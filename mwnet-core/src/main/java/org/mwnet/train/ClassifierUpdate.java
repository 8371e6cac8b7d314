package org.mwnet.train;

import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Applies a classifier-update graph's result: the SGD step, then BatchNorm's running averages. */
final class ClassifierUpdate {
    /** PyTorch's BatchNorm momentum. */
    static final double BN_MOMENTUM = 0.1;

    private ClassifierUpdate() {
    }

    /**
     * @param state the run's state
     * @param r gradients and batch statistics
     * @param lr learning rate
     */
    static void apply(TrainingState state, ClassifierStepGraph.Result r, double lr) {
        state.sgd.step(state.classifier, r.gradients(), lr);
        Parameters p = state.classifier;
        for (var e : r.batchStatistics().entrySet()) {
            INDArray running = p.get(e.getKey());
            running.muli(1 - BN_MOMENTUM).addi(e.getValue().mul(BN_MOMENTUM));
        }
    }
}
