package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final Dataset POOL = SyntheticImages.gaussian(6000, 10, 1, 4, 3);

    /*
     * Expected counts floor(n_max * (1/r)^(c/9)), computed independently of LongTail with Python's decimal module at
     * 60 digits: Decimal(n) * (1 / Decimal(r)) ** (Decimal(c) / 9), then int(). The exact products are e.g.
     * 5000 -> 2997.42, 1796.91, 1077.22, 645.77, 387.13, 232.08, 139.13, 83.41 and exactly 50 for the tail class
     * (which a plain double pow may land just below).
     */
    @Test
    void longTailCountsFollowTheFormulaExactly() {
        assertThat(LongTail.counts(5000, 10, 100))
                .containsExactly(5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50);
    }

    @Test
    void imbalancedTrainingSetKeepsTheLongTailCountsOfTheSmallestClass() {
        // POOL has 600 images per class; the meta set takes 100 of each, so n_max is 500, and r = 10 gives
        // floor(500 * 0.1^(c/9)) of 500, 387.13, 299.74, 232.08, 179.69, 139.13, 107.72, 83.41, 64.58 and 50
        // (computed as above)
        assertThat(POOL.classCounts()).containsOnly(600);
        Splits s = Splits.make(POOL, SplitConfig.defaults().withImbalance(10));
        assertThat(s.train().classCounts()).containsExactly(500, 387, 299, 232, 179, 139, 107, 83, 64, 50);
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
        assertSetting(() -> SplitConfig.defaults().withNoise(NoiseType.UNIFORM, -0.1), "noiseRate",
                "noise rate must be in [0, 1], got -0.1");
        assertSetting(() -> SplitConfig.defaults().withNoise(NoiseType.NONE, 0.3), "noiseRate",
                "noise rate 0.3 needs noise uniform, flip or pair");
        assertSetting(() -> SplitConfig.defaults().withNoise(NoiseType.FLIP, 0), "noise",
                "noise flip needs noise rate in (0, 1]");
        assertSetting(() -> SplitConfig.defaults().withMetaSize(-10), "metaSize",
                "meta size must be at least 0, got -10");
        assertSetting(() -> SplitConfig.defaults().withValidationSize(-1), "validationSize",
                "validation size must be at least 0, got -1");
        assertSetting(() -> SplitConfig.defaults().withImbalance(Double.POSITIVE_INFINITY), "imbalance",
                "imbalance factor must be a finite factor >= 1, got Infinity");
    }

    private static void assertSetting(org.assertj.core.api.ThrowableAssert.ThrowingCallable settings, String field,
                                      String message) {
        assertThatThrownBy(settings).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
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
