package org.mwnet.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How the learned weighting treats the training set: V over a range of losses, the histograms of losses of clean
 * and corrupted samples, and how well the weights tell clean samples from corrupted ones.
 *
 * @param curveLoss loss values at which V was sampled
 * @param curveWeight V at those losses
 * @param histogramEdges edges of the loss histogram bins (one more than the counts)
 * @param cleanHistogram counts of clean samples' losses per bin
 * @param corruptedHistogram counts of corrupted samples' losses per bin
 * @param meanWeightClean mean weight of clean samples
 * @param meanWeightCorrupted mean weight of corrupted samples (null without noise)
 * @param auc ROC AUC of the weights for telling clean (positive) from corrupted samples (null without noise)
 */
public record WeightDiagnostics(
        @JsonProperty("curve_loss") double[] curveLoss,
        @JsonProperty("curve_weight") double[] curveWeight,
        @JsonProperty("histogram_edges") double[] histogramEdges,
        @JsonProperty("clean_histogram") int[] cleanHistogram,
        @JsonProperty("corrupted_histogram") int[] corruptedHistogram,
        @JsonProperty("mean_weight_clean") double meanWeightClean,
        @JsonProperty("mean_weight_corrupted") Double meanWeightCorrupted,
        @JsonProperty("auc_clean_vs_corrupted") Double auc) {

    private static final int BINS = 40;

    /**
     * @param losses every training sample's loss
     * @param weights every training sample's weight
     * @param corrupted whether each sample's label is wrong
     * @param curveLoss losses at which V was sampled
     * @param curveWeight V at those losses
     * @return the diagnostics
     */
    public static WeightDiagnostics of(double[] losses, double[] weights, boolean[] corrupted, double[] curveLoss,
                                       double[] curveWeight) {
        double max = Arrays.stream(losses).max().orElse(1);
        double[] edges = IntStream.rangeClosed(0, BINS).mapToDouble(i -> max * i / BINS).toArray();
        int[] clean = new int[BINS];
        int[] bad = new int[BINS];
        double sumClean = 0;
        double sumBad = 0;
        for (int i = 0; i < losses.length; i++) {
            int bin = Math.min(BINS - 1, (int) (losses[i] / max * BINS));
            if (corrupted[i]) {
                bad[bin]++;
                sumBad += weights[i];
            } else {
                clean[bin]++;
                sumClean += weights[i];
            }
        }
        int nBad = Arrays.stream(bad).sum();
        int nClean = losses.length - nBad;
        return new WeightDiagnostics(curveLoss, curveWeight, edges, clean, bad, sumClean / Math.max(1, nClean),
                nBad == 0 ? null : sumBad / nBad, nBad == 0 ? null : rocAuc(weights, corrupted));
    }

    /**
     * Mann-Whitney ROC AUC: the probability that a random clean sample outweighs a random corrupted one (ties 1/2).
     *
     * @param scores weights
     * @param negative true for corrupted samples
     * @return the AUC, NaN when either group is empty
     */
    public static double rocAuc(double[] scores, boolean[] negative) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (!negative[order[k]]) {
                    rankSumPositive += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
