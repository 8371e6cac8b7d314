package org.mwnet.train;

import java.util.OptionalDouble;

/**
 * What one iteration reports.
 *
 * @param trainLoss mean (unweighted) cross-entropy of the training batch
 * @param metaLoss meta loss of the look-ahead model, empty when the iteration had no meta step
 */
public record StepStats(double trainLoss, OptionalDouble metaLoss) {
    /** @param trainLoss the training batch's mean loss @return the stats of an iteration without a meta step */
    public static StepStats withoutMetaStep(double trainLoss) {
        return new StepStats(trainLoss, OptionalDouble.empty());
    }

    /**
     * @param trainLoss the training batch's mean loss
     * @param metaLoss the meta step's loss
     * @return the stats of an iteration with a meta step
     */
    public static StepStats withMetaStep(double trainLoss, double metaLoss) {
        return new StepStats(trainLoss, OptionalDouble.of(metaLoss));
    }
}
