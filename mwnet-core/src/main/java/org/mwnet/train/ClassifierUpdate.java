package org.mwnet.train;

import java.util.Map;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Applies a classifier update: the SGD step, then BatchNorm's running averages. With P micro-batches both inputs are
 * means over them ({@link GradientAverage}); the running averages then end where the mean of the P buffers each
 * micro-batch's own update would give ends, since the update is affine in the batch statistics.
 */
final class ClassifierUpdate {
    /** PyTorch's BatchNorm momentum. */
    static final double BN_MOMENTUM = 0.1;

    private ClassifierUpdate() {
    }

    /**
     * @param state the run's state
     * @param gradients gradient of each trainable classifier parameter (overwritten by the step)
     * @param batchStatistics BatchNorm batch mean and variance by running-buffer name
     * @param lr learning rate
     */
    static void apply(TrainingState state, Map<String, INDArray> gradients, Map<String, INDArray> batchStatistics,
                      double lr) {
        state.sgd.step(state.classifier, gradients, lr);
        Parameters p = state.classifier;
        for (var e : batchStatistics.entrySet()) {
            INDArray running = p.get(e.getKey());
            running.muli(1 - BN_MOMENTUM).addi(e.getValue().mul(BN_MOMENTUM));
        }
    }
}
