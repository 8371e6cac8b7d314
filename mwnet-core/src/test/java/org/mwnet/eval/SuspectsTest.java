package org.mwnet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suspects ranking and its quality on a hand-made report, against hand-computed expectations. */
class SuspectsTest {
    private static SampleReport row(String id, double weight, double pObserved, boolean corrupted) {
        return new SampleReport(id, 1, -Math.log(pObserved), weight, 2, 0.9, pObserved, corrupted ? 2 : 1, corrupted);
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

    @Test
    void ranksByWeightThenObservedProbabilityThenRow() {
        assertThat(Suspects.of(REPORT).ranked()).extracting(SampleReport::id).containsExactly("c", "f", "b", "a", "e", "d");
        assertThat(Suspects.of(REPORT).top(2)).extracting(SampleReport::id).containsExactly("c", "f");
        assertThat(Suspects.of(REPORT).top(99)).hasSize(6);
    }

    @Test
    void precisionRecallAndAucOfTheRanking() {
        Suspects.Quality q = Suspects.of(REPORT).quality(3);
        // top 3 = c, f, b: two of the three corrupted samples (b, e, f)
        assertThat(q.k()).isEqualTo(3);
        assertThat(q.corruptedInTop()).isEqualTo(2);
        assertThat(q.corruptedTotal()).isEqualTo(3);
        assertThat(q.precision()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(q.recall()).isCloseTo(2.0 / 3, offset(1e-12));
        // corrupted at positions 1, 2, 4 and clean at 0, 3, 5: f and b precede a and d, e precedes d: 5 of 9 pairs
        assertThat(q.auc()).isCloseTo(5.0 / 9, offset(1e-12));

        Suspects.Quality all = Suspects.of(REPORT).quality(10);
        assertThat(all.k()).as("capped at the report's size").isEqualTo(6);
        assertThat(all.precision()).isCloseTo(0.5, offset(1e-12));
        assertThat(all.recall()).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void withoutCorruptedSamplesRecallAndAucAreUndefined() {
        Suspects clean = Suspects.of(List.of(row("x", 0.2, 0.5, false), row("y", 0.3, 0.5, false)));
        Suspects.Quality q = clean.quality(1);
        assertThat(q.precision()).isZero();
        assertThat(q.recall()).isNaN();
        assertThat(q.auc()).isNaN();
    }

    @Test
    void unknownTrueLabelsHaveNoQuality() {
        Suspects s = Suspects.of(List.of(new SampleReport("x", 0, 1, 0.5, 0, 0.5, 0.5, null, null)));
        assertThat(s.cleanKnown()).isFalse();
        assertThatThrownBy(() -> s.quality(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWeightThatRisesWithTheLossIsFlagged() {
        // losses 0.1 .. 2.0 (p = exp(-loss)); a falling V (1 / (1 + loss)) and a rising one (loss / 2)
        List<SampleReport> falling = new java.util.ArrayList<>();
        List<SampleReport> rising = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            double loss = i / 10.0;
            falling.add(row("f" + i, 1 / (1 + loss), Math.exp(-loss), false));
            rising.add(row("r" + i, loss / 2, Math.exp(-loss), false));
        }
        assertThat(Suspects.of(falling).weightsRiseWithLoss()).isFalse();
        assertThat(Suspects.of(rising).weightsRiseWithLoss()).isTrue();
    }
}
