package org.mwnet.spark;

import java.io.Serializable;
import org.mwnet.train.StepStats;

/**
 * What a worker sends back under parameter averaging: its latest local iteration's losses and, when the window
 * ends, its replica.
 *
 * @param trainLoss the iteration's training loss
 * @param metaLoss its meta loss (0 when V did not step)
 * @param metaStep whether V stepped
 * @param replica the replica's arrays at the window's end, or null within a window
 */
record StepOutcome(double trainLoss, double metaLoss, boolean metaStep, FlatState replica) implements Serializable {
    /**
     * @param s the latest iteration's losses
     * @param replica the replica, or null
     * @return the outcome
     */
    static StepOutcome of(StepStats s, FlatState replica) {
        return new StepOutcome(s.trainLoss(), s.metaLoss().orElse(0), s.metaLoss().isPresent(), replica);
    }

    /** @return the losses as the trainer takes them */
    StepStats stats() {
        return metaStep ? StepStats.withMetaStep(trainLoss, metaLoss) : StepStats.withoutMetaStep(trainLoss);
    }
}
