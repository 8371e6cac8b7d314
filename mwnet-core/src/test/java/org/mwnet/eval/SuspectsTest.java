package org.mwnet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;


import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mwnet.eval.Suspects.Ranking;

/** The suspects rankings and their quality on hand-made reports, against hand-computed expectations. */
class SuspectsTest {
    private static SampleReport row(String id, Double weight, double pObserved, double pSuggested, boolean corrupted) {
        return new SampleReport(id, 1, -Math.log(pObserved), weight, 2, pSuggested, pObserved, corrupted ? 2 : 1,
                corrupted, 0);
    }

    private static SampleReport row(String id, double weight, double pObserved, boolean corrupted) {
        return row(id, weight, pObserved, 0.9, corrupted);
    }

    /**
     * Ranked by weight, then p(observed), then row: c (0.1, 0.05, row 2), f (0.1, 0.05, row 5), b (0.1, 0.2),
     * a (0.5), e (0.6), d (0.9).
     */
    private static final List<SampleReport> REPORT = List.of(
            row("a", 0.5, 0.3, false),
            row("b", 0.1, 0.2, true),
            row("c", 0.1, 0.05, false),
            row("d", 0.9, 0.9, false),
            row("e", 0.6, 0.4, true),
            row("f", 0.1, 0.05, true));

    /**
     * A run without V. Ranked by p(observed), then higher p(suggested), then row: q (0.01), s (0.1, 0.8, row 2),
     * u (0.1, 0.8, row 4), t (0.1, 0.5), p (0.6), r (0.7).
     */
    private static final List<SampleReport> UNWEIGHTED = List.of(
            row("p", null, 0.6, 0.6, false),
            row("q", null, 0.01, 0.9, true),
            row("r", null, 0.7, 0.7, false),
            row("s", null, 0.1, 0.8, true),
            row("t", null, 0.1, 0.5, false),
            row("u", null, 0.1, 0.8, true));

    @Test
    void ranksByWeightThenObservedProbabilityThenRow() {
        Suspects s = Suspects.of(REPORT, Ranking.WEIGHT);
        assertThat(s.ranked()).extracting(SampleReport::id).containsExactly("c", "f", "b", "a", "e", "d");
        assertThat(s.top(2)).extracting(SampleReport::id).containsExactly("c", "f");
        assertThat(s.top(99)).hasSize(6);
    }

    @Test
    void ranksBySelfConfidenceThenSuggestedProbabilityThenRow() {
        assertThat(Suspects.of(UNWEIGHTED, Ranking.SELF_CONFIDENCE).ranked()).extracting(SampleReport::id)
                .containsExactly("q", "s", "u", "t", "p", "r");
        // on a run with V the weights play no part: p(observed) 0.05 (c, f by row), 0.2, 0.3, 0.4, 0.9
        assertThat(Suspects.of(REPORT, Ranking.SELF_CONFIDENCE).ranked()).extracting(SampleReport::id)
                .containsExactly("c", "f", "b", "a", "e", "d");
        List<SampleReport> swapped = List.of(REPORT.get(5), REPORT.get(2));
        assertThat(Suspects.of(swapped, Ranking.SELF_CONFIDENCE).ranked()).extracting(SampleReport::id)
                .as("full ties keep the report's row order").containsExactly("f", "c");
    }

    /** @return 20 rows of losses 0.1 .. 2.0 (p = exp(-loss)), weighted by a V that falls or rises with the loss */
    private static List<SampleReport> monotoneWeights(boolean rising) {
        List<SampleReport> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            double loss = i / 10.0;
            rows.add(row("r" + i, rising ? loss / 2 : 1 / (1 + loss), Math.exp(-loss), false));
        }
        return rows;
    }

    @Test
    void autoRanksByWeightOnlyWhereTheWeightsFallWithTheLoss() {
        assertThat(Ranking.auto(REPORT)).isEqualTo(Ranking.WEIGHT);
        assertThat(Ranking.auto(monotoneWeights(false))).isEqualTo(Ranking.WEIGHT);
        assertThat(Ranking.auto(monotoneWeights(true))).as("weights rising with the loss")
                .isEqualTo(Ranking.SELF_CONFIDENCE);
        assertThat(Ranking.auto(List.of(row("x", 0.5, 0.2, false), row("y", 0.5, 0.6, false))))
                .as("equal weights tell nothing").isEqualTo(Ranking.SELF_CONFIDENCE);
        assertThat(Ranking.auto(UNWEIGHTED)).as("a run without V").isEqualTo(Ranking.SELF_CONFIDENCE);
        List<SampleReport> weakly = new ArrayList<>(monotoneWeights(false));
        // swapping the weights of rows i and i + 10 for the first four leaves a fall, but a weak one: -0.398
        for (int i = 0; i < 4; i++) {
            SampleReport low = weakly.get(i);
            SampleReport high = weakly.get(i + 10);
            weakly.set(i, row(low.id(), high.weight(), low.observedProbability(), false));
            weakly.set(i + 10, row(high.id(), low.weight(), high.observedProbability(), false));
        }
        assertThat(Suspects.lossWeightCorrelation(weakly)).isCloseTo(-0.398, Offset.offset(1e-3));
        assertThat(Ranking.auto(weakly)).as("weights that fall only weakly").isEqualTo(Ranking.SELF_CONFIDENCE);
        assertThatThrownBy(() -> Suspects.of(UNWEIGHTED, Ranking.WEIGHT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs V's weights");
    }

    @Test
    void lossWeightCorrelationIsSpearmansWithTiesAtTheirMeanRank() {
        // loss ranks 1, 2, 3, 4; weight ranks 4, 2.5, 2.5, 1: covariance -4.5, variances 5 and 4.5
        List<SampleReport> tied = List.of(row("a", 0.4, Math.exp(-1), false), row("b", 0.3, Math.exp(-2), false),
                row("c", 0.3, Math.exp(-3), false), row("d", 0.1, Math.exp(-4), false));
        assertThat(Suspects.lossWeightCorrelation(tied)).isCloseTo(-3 / Math.sqrt(10), offset(1e-12));
        assertThat(Suspects.lossWeightCorrelation(monotoneWeights(false))).isCloseTo(-1, offset(1e-12));
        assertThat(Suspects.lossWeightCorrelation(monotoneWeights(true))).isCloseTo(1, offset(1e-12));
        assertThat(Suspects.lossWeightCorrelation(UNWEIGHTED)).isNaN();
        assertThat(Suspects.lossWeightCorrelation(List.of())).isNaN();
    }

    @Test
    void rankingNamesParse() {
        assertThat(Ranking.parse("weight")).isEqualTo(Ranking.WEIGHT);
        assertThat(Ranking.parse("self-confidence")).isEqualTo(Ranking.SELF_CONFIDENCE);
        assertThatThrownBy(() -> Ranking.parse("loss")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown ranking 'loss'; expected weight or self-confidence");
    }

    @Test
    void precisionRecallAndAucOfTheRanking() {
        Suspects.Quality q = Suspects.of(REPORT, Ranking.WEIGHT).quality(3);
        // top 3 = c, f, b: two of the three corrupted samples (b, e, f)
        assertThat(q.k()).isEqualTo(3);
        assertThat(q.corruptedInTop()).isEqualTo(2);
        assertThat(q.corruptedTotal()).isEqualTo(3);
        assertThat(q.precision()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(q.recall()).isCloseTo(2.0 / 3, offset(1e-12));
        // corrupted at positions 1, 2, 4 and clean at 0, 3, 5: f and b precede a and d, e precedes d: 5 of 9 pairs
        assertThat(q.auc()).isCloseTo(5.0 / 9, offset(1e-12));

        Suspects.Quality all = Suspects.of(REPORT, Ranking.WEIGHT).quality(10);
        assertThat(all.k()).as("capped at the report's size").isEqualTo(6);
        assertThat(all.precision()).isCloseTo(0.5, offset(1e-12));
        assertThat(all.recall()).isCloseTo(1.0, offset(1e-12));

        // q, s, u, t, p, r: corrupted at 0, 1, 2, clean at 3, 4, 5: every pair in order
        Suspects.Quality sc = Suspects.of(UNWEIGHTED, Ranking.SELF_CONFIDENCE).quality(3);
        assertThat(sc.precision()).isEqualTo(1.0);
        assertThat(sc.auc()).isEqualTo(1.0);
    }

    @Test
    void withoutCorruptedSamplesRecallAndAucAreUndefined() {
        Suspects clean = Suspects.of(List.of(row("x", 0.2, 0.5, false), row("y", 0.3, 0.5, false)), Ranking.WEIGHT);
        Suspects.Quality q = clean.quality(1);
        assertThat(q.precision()).isZero();
        assertThat(q.recall()).isNaN();
        assertThat(q.auc()).isNaN();
    }

    @Test
    void unknownTrueLabelsHaveNoQuality() {
        Suspects s = Suspects.of(List.of(new SampleReport("x", 0, 1, 0.5, 0, 0.5, 0.5, null, null, 0)), Ranking.WEIGHT);
        assertThat(s.cleanKnown()).isFalse();
        assertThatThrownBy(() -> s.quality(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWeightThatRisesWithTheLossIsFlagged() {
        List<SampleReport> rising = monotoneWeights(true);
        assertThat(Suspects.of(monotoneWeights(false), Ranking.WEIGHT).weightsRiseWithLoss()).isFalse();
        assertThat(Suspects.of(rising, Ranking.WEIGHT).weightsRiseWithLoss()).isTrue();
        assertThat(Suspects.of(rising, Ranking.SELF_CONFIDENCE).weightsRiseWithLoss())
                .as("a ranking that uses no weights is not turned upside down by them").isFalse();
    }
}
