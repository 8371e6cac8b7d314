package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The gradient check itself, on f(x) = sum x^3 whose gradient 3 x^2 is known. */
class FiniteDifferenceCheckTest {
    private static final FiniteDifferenceCheck CHECK = new FiniteDifferenceCheck(1e-6, 1e-4, 1e-10, 1e-6);
    private static final Map<String, long[]> ALL = Map.of("x", new long[] {0, 1, 2});

    private static void check(INDArray x, INDArray gradient) {
        CHECK.assertGradients(Map.of("x", x), Map.of("x", gradient), ALL,
                () -> x.mul(x).mul(x).sumNumber().doubleValue());
    }

    @Test
    void acceptsTheExactGradientAndRestoresTheValues() {
        INDArray x = Nd4j.createFromArray(0.5, -1.5, 2.0);
        check(x, Nd4j.createFromArray(0.75, 6.75, 12.0));
        assertThat(x.toDoubleVector()).containsExactly(0.5, -1.5, 2.0);
    }

    @Test
    void rejectsAGradientOffByMoreThanTheRelativeTolerance() {
        INDArray x = Nd4j.createFromArray(0.5, -1.5, 2.0);
        assertThatThrownBy(() -> check(x, Nd4j.createFromArray(0.75, 6.75 * (1 + 1e-3), 12.0)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x[1]");
    }

    @Test
    void rejectsAVanishingGradient() {
        INDArray x = Nd4j.createFromArray(1e-5, -1e-5, 0.0);
        assertThatThrownBy(() -> check(x, Nd4j.createFromArray(3e-10, 3e-10, 0.0)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("must not vanish");
    }
}
