package org.mwnet.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One epoch's record.
 *
 * @param epoch 1-based epoch number
 * @param lr the classifier's learning rate in that epoch
 * @param trainLoss mean training cross-entropy (on the observed, possibly noisy labels)
 * @param metaLoss mean meta loss of the look-ahead model (null for methods without a meta step)
 * @param selectionAcc accuracy in percent on the selection set (validation split, or the meta set), or null for a
 *     run without either
 * @param testAcc test accuracy in percent, or null for a run without a test set
 * @param seconds wall time of the epoch including evaluation
 * @param msPerIter milliseconds per training iteration
 */
public record EpochMetrics(
        int epoch,
        double lr,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("meta_loss") Double metaLoss,
        @JsonProperty("selection_acc") Double selectionAcc,
        @JsonProperty("test_acc") Double testAcc,
        double seconds,
        @JsonProperty("ms_per_iter") double msPerIter) {
}
