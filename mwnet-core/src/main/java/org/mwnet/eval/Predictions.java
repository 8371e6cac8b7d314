package org.mwnet.eval;

/**
 * A classifier's outputs on a dataset. Arrays are shared, not copied.
 *
 * @param predicted arg-max class of every sample
 * @param losses cross-entropy of every sample with respect to its observed label (the probability of the observed
 *     label is {@code exp(-loss)})
 * @param confidence softmax probability of every sample's predicted class
 */
public record Predictions(int[] predicted, double[] losses, double[] confidence) {
}
