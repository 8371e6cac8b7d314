package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final Dataset POOL = SyntheticImages.gaussian(6000, 10, 1, 4, 3);

    @Test
    void longTailCountsFollowTheFormulaExactly() {
        int[] n = LongTail.counts(5000, 10, 100);
        for (int c = 0; c < 10; c++) {
            assertThat(n[c]).isEqualTo((int) Math.floor(5000 * Math.pow(0.01, c / 9.0) + 1e-9));
        }
        assertThat(n[0]).isEqualTo(5000);
        assertThat(n[9]).isEqualTo(50);
        Splits s = Splits.make(POOL, SplitConfig.defaults().withImbalance(10));
        assertThat(s.train().classCounts()).containsExactly(LongTail.counts(500, 10, 10));
    }

    @Test
    void metaSetIsCleanBalancedAndDisjointFromTraining() {
        SplitConfig cfg = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.6).withValidationSize(500);
        Splits s = Splits.make(POOL, cfg);
        assertThat(s.meta().size()).isEqualTo(1000);
        assertThat(s.meta().classCounts()).containsOnly(100);
        assertThat(s.meta().noisyFraction()).isZero();
        assertThat(s.validation().classCounts()).containsOnly(50);
        assertThat(s.validation().noisyFraction()).isZero();
        assertThat(s.metaTrainOverlap()).isZero();
        assertThat(s.train().size()).isEqualTo(6000 - 1000 - 500);
        assertThat(s.train().noisyFraction()).isBetween(0.45, 0.63);
        int[] all = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                Arrays.stream(s.metaIndices()), Arrays.stream(s.validationIndices())), Arrays.stream(s.trainIndices()))
                .toArray();
        assertThat(Arrays.stream(all).distinct().count()).isEqualTo(all.length);
    }

    @Test
    void sameSeedSameSplitsDifferentSeedDifferent() {
        SplitConfig cfg = SplitConfig.defaults().withNoise(NoiseType.PAIR, 0.4).withImbalance(5);
        Splits a = Splits.make(POOL, cfg);
        Splits b = Splits.make(POOL, cfg);
        Splits c = Splits.make(POOL, cfg.withSeed(2));
        assertThat(a.metaIndices()).isEqualTo(b.metaIndices());
        assertThat(a.trainIndices()).isEqualTo(b.trainIndices());
        assertThat(a.train().labels()).isEqualTo(b.train().labels());
        assertThat(a.metaIndices()).isNotEqualTo(c.metaIndices());
        assertThat(a.train().labels()).isNotEqualTo(c.train().labels());
    }

    @Test
    void unbalancedSizesAreRejected() {
        assertThatThrownBy(() -> Splits.make(POOL, SplitConfig.defaults().withMetaSize(1005)))
                .hasMessage("meta size 1005 must be a multiple of the 10 classes to be class-balanced");
        assertThatThrownBy(() -> Splits.make(POOL, SplitConfig.defaults().withMetaSize(6000)))
                .hasMessageContaining("too few");
        assertThatThrownBy(() -> SplitConfig.defaults().withNoise(NoiseType.UNIFORM, -0.1))
                .hasMessage("noise rate -0.1 is outside [0, 1]");
    }

    @Test
    void epochsAreSeededPermutationsAndMetaBatchesCycle() {
        int[][] e0 = Batches.epoch(1000, 100, 1, 0);
        assertThat(e0).hasNumberOfRows(10);
        assertThat(Arrays.stream(e0).flatMapToInt(Arrays::stream).distinct().count()).isEqualTo(1000);
        assertThat(Batches.epoch(1000, 100, 1, 0)).isEqualTo(e0);
        assertThat(Batches.epoch(1000, 100, 1, 1)).isNotEqualTo(e0);
        Batches.Cycle cycle = new Batches.Cycle(250, 100, 1);
        int[] first = cycle.next();
        cycle.next();
        int[] third = cycle.next();
        assertThat(cycle.pass()).isEqualTo(1);
        Batches.Cycle again = new Batches.Cycle(250, 100, 1);
        again.restore(1, 0);
        assertThat(again.next()).isEqualTo(third);
        assertThat(first).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new Batches.Cycle(50, 100, 1))
                .hasMessage("meta batch size 100 must be between 1 and the meta set's size 50");
    }
}
