package org.mwnet.train;

import java.util.List;
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

    /**
     * @param parts the P workers' stats of one iteration, in worker order; all with a meta step or all without
     * @return their means, summed in that order and divided by P
     */
    public static StepStats mean(List<StepStats> parts) {
        double train = 0;
        double meta = 0;
        for (StepStats s : parts) {
            train += s.trainLoss();
            meta += s.metaLoss().orElse(0);
        }
        int n = parts.size();
        return parts.get(0).metaLoss().isPresent() ? withMetaStep(train / n, meta / n) : withoutMetaStep(train / n);
    }
}
