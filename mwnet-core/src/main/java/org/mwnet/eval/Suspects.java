package org.mwnet.eval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Training samples ranked by how likely their label is wrong, by one of two scores ({@link Ranking}; {@link
 * Ranking#auto} chooses one from the report). The order is strict, so the same report always gives the same ranking.
 *
 * @param ranked the samples in that order
 * @param ranking the score that ordered them
 */
public record Suspects(List<SampleReport> ranked, Ranking ranking) {
    /** The rank correlation of loss and weight at or below which V's weights clearly fall with the loss. */
    public static final double CLEAR_FALL = -0.5;

    /** The score a ranking puts first, with its tie-breaks. */
    public enum Ranking {
        /**
         * V's weight, lowest first; among equal weights, lower probability of the observed label first; among those,
         * the earlier row of the report first. Needs a run that learned V.
         */
        WEIGHT("weight"),
        /**
         * Self-confidence, cleanlab's default label-quality score: the probability of the observed label, lowest
         * first; among equal ones, higher probability of the suggested (predicted) label first, as the model is surer
         * of another class; among those, the earlier row of the report first. Any run.
         */
        SELF_CONFIDENCE("self-confidence");

        private final String cliName;

        Ranking(String cliName) {
            this.cliName = cliName;
        }

        /**
         * @param name weight or self-confidence
         * @return the ranking of that name
         * @throws IllegalArgumentException for any other name
         */
        public static Ranking parse(String name) {
            for (Ranking r : values()) {
                if (r.cliName.equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown ranking '" + name + "'; expected weight or self-confidence");
        }

        /**
         * The ranking {@code suspects --rank-by auto} uses: weight only where V's weights clearly fall with the loss
         * ({@link #lossWeightCorrelation} at most {@link #CLEAR_FALL}), as a noise filter's do; else self-confidence,
         * which does not depend on what V learned. On short runs and small training sets V can learn weights that
         * rise with the loss, and then the lowest weights are the cleanest-looking samples; a V that barely learned
         * (a correlation of -0.2, seen with a class-aware V on 1,158 digits) ranks worse than self-confidence.
         *
         * @param report rows of a weights.csv
         * @return weight when the report's weights fall with the loss, self-confidence otherwise (also for a run
         *     without V)
         */
        public static Ranking auto(List<SampleReport> report) {
            return lossWeightCorrelation(report) <= CLEAR_FALL ? WEIGHT : SELF_CONFIDENCE;
        }

        private Comparator<SampleReport> order() {
            return switch (this) {
                case WEIGHT -> Comparator.comparingDouble(SampleReport::weight)
                        .thenComparingDouble(SampleReport::observedProbability);
                case SELF_CONFIDENCE -> Comparator.comparingDouble(SampleReport::observedProbability)
                        .thenComparing(Comparator.comparingDouble(SampleReport::predictedProbability).reversed());
            };
        }
    }

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
     * @param ranking the score to rank by
     * @return them ranked
     * @throws IllegalArgumentException when ranking by weight and a row has no weight (a run without V)
     */
    public static Suspects of(List<SampleReport> report, Ranking ranking) {
        if (ranking == Ranking.WEIGHT && !report.stream().allMatch(SampleReport::weighted)) {
            throw new IllegalArgumentException("ranking by weight needs V's weights, and this report has none "
                    + "(a method other than mwnet); rank by self-confidence");
        }
        Comparator<SampleReport> scores = ranking.order();
        Comparator<Integer> order = Comparator.<Integer, SampleReport>comparing(report::get, scores)
                .thenComparingInt(i -> i);
        return new Suspects(IntStream.range(0, report.size()).boxed().sorted(order).map(report::get).toList(), ranking);
    }

    /**
     * @param k how many to return (at most the report's size)
     * @return the k most likely mislabelled samples
     */
    public List<SampleReport> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /**
     * Whether V learned the opposite of a noise filter in this run: its weights rise with the loss
     * ({@link #lossWeightCorrelation} above 0). Then the lowest weights are the cleanest-looking samples and a
     * ranking by weight lists clean samples first (seen on short runs and very small training sets).
     *
     * @return whether weights rise with the loss; false for a ranking by self-confidence, which uses no weights
     */
    public boolean weightsRiseWithLoss() {
        return ranking == Ranking.WEIGHT && lossWeightCorrelation(ranked) > 0;
    }

    /**
     * How V's weights follow the loss over the training samples: Spearman's rank correlation of loss and weight. A
     * noise filter's weights fall with the loss (near -1, as V is a function of the loss); weights that rise with it
     * give near +1.
     *
     * @param report rows of a weights.csv
     * @return the correlation in [-1, 1]; NaN for a report without weights, or when the weights or the losses are all
     *     equal
     */
    public static double lossWeightCorrelation(List<SampleReport> report) {
        if (!report.stream().allMatch(SampleReport::weighted)) {
            return Double.NaN;
        }
        return WeightDiagnostics.rankCorrelation(report.stream().mapToDouble(SampleReport::loss).toArray(),
                report.stream().mapToDouble(SampleReport::weight).toArray());
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
