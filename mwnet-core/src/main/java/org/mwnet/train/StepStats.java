package org.mwnet.train;

/**
 * What one iteration reports.
 *
 * @param trainLoss mean (unweighted) cross-entropy of the training batch
 * @param metaLoss meta loss of the look-ahead model, NaN when the iteration had no meta step
 */
public record StepStats(double trainLoss, double metaLoss) {
}
