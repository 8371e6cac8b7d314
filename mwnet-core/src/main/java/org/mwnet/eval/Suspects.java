package org.mwnet.eval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Training samples ranked by how likely their label is wrong: lowest weight first; among equal weights, lower
 * probability of the observed label first; among those, the earlier row of the report first. The order is strict, so
 * the same report always gives the same ranking.
 *
 * @param ranked the samples in that order
 */
public record Suspects(List<SampleReport> ranked) {
    /**
     * How well the top of a ranking finds the corrupted samples (corrupted = positive).
     *
     * @param k the number of top samples considered
     * @param corruptedInTop corrupted samples among the top k
     * @param corruptedTotal corrupted samples in the whole report
     * @param precision corruptedInTop / k
     * @param recall corruptedInTop / corruptedTotal, NaN when nothing is corrupted
     * @param auc the probability that a random corrupted sample ranks ahead of a random clean one, NaN when either
     *     group is empty
     */
    public record Quality(int k, int corruptedInTop, int corruptedTotal, double precision, double recall, double auc) {
    }

    /**
     * @param report the rows of a weights.csv, in file order
     * @return them ranked
     */
    public static Suspects of(List<SampleReport> report) {
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> report.get(i).weight())
                .thenComparingDouble(i -> report.get(i).observedProbability())
                .thenComparingInt(i -> i);
        return new Suspects(IntStream.range(0, report.size()).boxed().sorted(order).map(report::get).toList());
    }

    /**
     * @param k how many to return (at most the report's size)
     * @return the k most likely mislabelled samples
     */
    public List<SampleReport> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /**
     * Whether V learned the opposite of a noise filter in this run: the mean weight of the tenth of samples with the
     * highest losses exceeds that of the tenth with the lowest. Then the lowest weights are the cleanest-looking
     * samples and the ranking lists clean samples first (seen on very small training sets).
     *
     * @return whether weights rise with the loss
     */
    public boolean weightsRiseWithLoss() {
        List<SampleReport> byLoss = ranked.stream().sorted(Comparator.comparingDouble(SampleReport::loss)).toList();
        int tenth = Math.max(1, byLoss.size() / 10);
        double low = byLoss.subList(0, tenth).stream().mapToDouble(SampleReport::weight).average().orElse(0);
        double high = byLoss.subList(byLoss.size() - tenth, byLoss.size()).stream().mapToDouble(SampleReport::weight)
                .average().orElse(0);
        return high > low;
    }

    /** @return whether every sample's true label is known, so {@link #quality} can be measured */
    public boolean cleanKnown() {
        return ranked.stream().allMatch(SampleReport::cleanKnown);
    }

    /**
     * @param k the number of top samples considered (capped at the report's size)
     * @return precision and recall at k and the ROC AUC of the whole ranking
     * @throws IllegalStateException when some true labels are unknown
     */
    public Quality quality(int k) {
        if (!cleanKnown()) {
            throw new IllegalStateException("ranking quality needs every sample's true label");
        }
        int n = ranked.size();
        int top = Math.min(k, n);
        boolean[] corrupted = new boolean[n];
        double[] position = new double[n];
        for (int i = 0; i < n; i++) {
            corrupted[i] = ranked.get(i).corrupted();
            position[i] = i;
        }
        int inTop = (int) IntStream.range(0, top).filter(i -> corrupted[i]).count();
        int total = (int) IntStream.range(0, n).filter(i -> corrupted[i]).count();
        // the rank position as score: a clean sample placed after a corrupted one is a correctly ordered pair
        double auc = WeightDiagnostics.rocAuc(position, corrupted);
        return new Quality(top, inTop, total, top == 0 ? Double.NaN : (double) inTop / top,
                total == 0 ? Double.NaN : (double) inTop / total, auc);
    }
}
