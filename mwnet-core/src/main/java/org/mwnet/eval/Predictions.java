package org.mwnet.eval;

/**
 * A classifier's outputs on a dataset.
 *
 * @param predicted arg-max class of every sample
 * @param losses cross-entropy of every sample with respect to its observed label
 */
public record Predictions(int[] predicted, double[] losses) {
}
