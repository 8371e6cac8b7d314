package org.mwnet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The rank statistics of {@link WeightDiagnostics}, against hand-computed values with ties. */
class WeightDiagnosticsTest {
    @Test
    void rocAucCountsTiedPairsAsHalf() {
        // clean 0.5 and 0.9 against corrupted 0.1 and 0.5: 1 + 1/2 + 1 + 1 of 4 pairs
        double[] weights = {0.1, 0.5, 0.5, 0.9};
        boolean[] corrupted = {true, true, false, false};
        assertThat(WeightDiagnostics.rocAuc(weights, corrupted)).isCloseTo(3.5 / 4, offset(1e-12));
        assertThat(WeightDiagnostics.rocAuc(new double[] {0.1, 0.5}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void rankCorrelationIsSpearmans() {
        // ranks 1, 2, 3, 4 and 2, 1, 4, 3: sum of squared rank differences 4, so 1 - 6 * 4 / (4 * 15)
        assertThat(WeightDiagnostics.rankCorrelation(new double[] {1, 2, 3, 4}, new double[] {20, 10, 40, 30}))
                .isCloseTo(0.6, offset(1e-12));
        assertThat(WeightDiagnostics.rankCorrelation(new double[] {1, 2, 3}, new double[] {9, 4, 1}))
                .as("any falling series").isCloseTo(-1, offset(1e-12));
        assertThat(WeightDiagnostics.rankCorrelation(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    }
}
