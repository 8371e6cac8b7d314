package org.mwnet.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.meta.WeightFunction;
import org.mwnet.nn.Parameters;

/**
 * How the learned weighting treats the training set: V over a range of losses, the histograms of losses of clean
 * and corrupted samples, and how well the weights tell clean samples from corrupted ones.
 *
 * @param curveLoss loss values at which V was sampled
 * @param curveWeight a plain V at those losses (null for a class-aware V)
 * @param familyCurves a class-aware V's heads at those losses, one per class family (null for a plain V)
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
        @JsonProperty("family_curves") @JsonInclude(JsonInclude.Include.NON_NULL) List<FamilyCurve> familyCurves,
        @JsonProperty("histogram_edges") double[] histogramEdges,
        @JsonProperty("clean_histogram") int[] cleanHistogram,
        @JsonProperty("corrupted_histogram") int[] corruptedHistogram,
        @JsonProperty("mean_weight_clean") double meanWeightClean,
        @JsonProperty("mean_weight_corrupted") Double meanWeightCorrupted,
        @JsonProperty("auc_clean_vs_corrupted") Double auc) {

    private static final int BINS = 40;

    /**
     * One head of a class-aware V.
     *
     * @param family the family
     * @param classes its classes
     * @param weight the head at the diagnostics' {@link #curveLoss}
     */
    public record FamilyCurve(int family, List<Integer> classes, double[] weight) {
    }
    /** Losses at which V's curve is sampled, from 0 to the largest training loss. */
    private static final int CURVE_POINTS = 101;

    /**
     * The diagnostics of a trained V on its training set, from the trained classifier's one prediction pass there.
     *
     * @param v V's function
     * @param theta V's trained parameters
     * @param onTrain the trained classifier's predictions on the training set
     * @param train the training set, whose corrupted samples are known
     * @return the diagnostics
     */
    public static WeightDiagnostics of(WeightFunction v, Parameters theta, Predictions onTrain, Dataset train) {
        double[] losses = onTrain.losses();
        ClassFamilies families = v.families();
        double[] weights = v.weights(theta, losses, train.labels());
        boolean[] corrupted = new boolean[train.size()];
        for (int i = 0; i < corrupted.length; i++) {
            corrupted[i] = train.isCorrupted(i);
        }
        double max = Math.max(1e-6, Arrays.stream(losses).max().orElse(1));
        double[] curveLoss = IntStream.range(0, CURVE_POINTS).mapToDouble(i -> max * i / (CURVE_POINTS - 1))
                .toArray();
        if (families == null) {
            return of(losses, weights, corrupted, curveLoss, v.weights(theta, curveLoss), null);
        }
        List<FamilyCurve> curves = IntStream.range(0, families.count()).mapToObj(f -> new FamilyCurve(f,
                families.classes(f), v.curve(theta, curveLoss, f))).toList();
        return of(losses, weights, corrupted, curveLoss, null, curves);
    }

    /**
     * @param losses every training sample's loss
     * @param weights every training sample's weight
     * @param corrupted whether each sample's label is wrong
     * @param curveLoss losses at which V was sampled
     * @param curveWeight a plain V at those losses, or null
     * @param familyCurves a class-aware V's heads at those losses, or null
     * @return the diagnostics
     */
    public static WeightDiagnostics of(double[] losses, double[] weights, boolean[] corrupted, double[] curveLoss,
                                       double[] curveWeight, List<FamilyCurve> familyCurves) {
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
        return new WeightDiagnostics(curveLoss, curveWeight, familyCurves, edges, clean, bad,
                sumClean / Math.max(1, nClean),
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
        double[] ranks = midRanks(scores);
        double rankSumPositive = 0;
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!negative[i]) {
                rankSumPositive += ranks[i];
                positives++;
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Spearman's rank correlation: the Pearson correlation of the two series' ranks (ties given their mean rank). It
     * is +1 when b rises wherever a does, -1 when it falls wherever a rises.
     *
     * @param a one value per sample
     * @param b another value per sample, as many
     * @return the correlation in [-1, 1], NaN when either series is constant (or empty)
     */
    public static double rankCorrelation(double[] a, double[] b) {
        double[] ra = midRanks(a);
        double[] rb = midRanks(b);
        double mean = (a.length + 1) / 2.0;
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            covariance += (ra[i] - mean) * (rb[i] - mean);
            varianceA += (ra[i] - mean) * (ra[i] - mean);
            varianceB += (rb[i] - mean) * (rb[i] - mean);
        }
        return covariance / Math.sqrt(varianceA * varianceB);
    }

    /** @return each value's 1-based rank in ascending order, tied values sharing their mean rank */
    private static double[] midRanks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }
}
