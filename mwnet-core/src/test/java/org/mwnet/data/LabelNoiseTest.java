package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelNoiseTest {
    private static final int N = 60_000;
    private static final int K = 10;

    private static int[] cyclingLabels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % K;
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(value = NoiseType.class, names = {"UNIFORM", "FLIP", "PAIR"})
    void observedTransitionsMatchTheMatrixWithinSamplingError(NoiseType type) {
        double p = 0.4;
        double[][] c = LabelNoise.transition(type, p, K, 7);
        int[] clean = cyclingLabels();
        int[] noisy = LabelNoise.corrupt(clean, c, 7);
        double[][] counts = new double[K][K];
        for (int i = 0; i < N; i++) {
            counts[clean[i]][noisy[i]]++;
        }
        int perClass = N / K;
        for (int i = 0; i < K; i++) {
            assertThat(Arrays.stream(c[i]).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            for (int j = 0; j < K; j++) {
                double expected = c[i][j];
                double sigma = Math.sqrt(Math.max(expected * (1 - expected), 1e-12) / perClass);
                assertThat(counts[i][j] / perClass).as("C[%d][%d]", i, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * sigma + 1e-9));
            }
        }
    }

    @Test
    void uniformFortyPercentFlipsAboutThirtySixPercent() {
        int[] clean = cyclingLabels();
        int[] noisy = LabelNoise.corrupt(clean, LabelNoise.transition(NoiseType.UNIFORM, 0.4, K, 1), 1);
        long wrong = java.util.stream.IntStream.range(0, N).filter(i -> clean[i] != noisy[i]).count();
        double expected = 0.4 * (K - 1) / K;
        double sigma = Math.sqrt(expected * (1 - expected) / N);
        assertThat((double) wrong / N).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * sigma));
    }

    @Test
    void flipAndPairSendMassToOtherClassesOnly() {
        double[][] flip = LabelNoise.transition(NoiseType.FLIP, 0.3, K, 3);
        double[][] pair = LabelNoise.transition(NoiseType.PAIR, 0.3, K, 3);
        for (int i = 0; i < K; i++) {
            assertThat(flip[i][i]).isEqualTo(0.7);
            assertThat(Arrays.stream(flip[i]).filter(v -> v == 0.3).count()).isEqualTo(1);
            assertThat(pair[i][i]).isEqualTo(0.7);
            assertThat(Arrays.stream(pair[i]).filter(v -> v == 0.15).count()).isEqualTo(2);
        }
    }

    @Test
    void sameSeedSameLabelsDifferentSeedDifferent() {
        int[] clean = cyclingLabels();
        double[][] c = LabelNoise.transition(NoiseType.FLIP, 0.4, K, 5);
        assertThat(LabelNoise.corrupt(clean, c, 5)).isEqualTo(LabelNoise.corrupt(clean, c, 5));
        assertThat(LabelNoise.corrupt(clean, c, 5)).isNotEqualTo(LabelNoise.corrupt(clean, c, 6));
        assertThat(LabelNoise.transition(NoiseType.FLIP, 0.4, K, 5)).isNotEqualTo(LabelNoise.transition(NoiseType.FLIP, 0.4, K, 8));
    }

    @Test
    void badRatesAndNamesAreRejectedClearly() {
        assertThatThrownBy(() -> LabelNoise.transition(NoiseType.UNIFORM, 1.5, K, 1))
                .hasMessage("noise rate 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> NoiseType.parse("gaussian"))
                .hasMessage("unknown noise 'gaussian'; expected one of [none, uniform, flip, pair]");
        assertThat(NoiseType.parse("Pair")).isEqualTo(NoiseType.PAIR);
    }
}
