package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The mean of the micro-batches' named arrays. */
class GradientAverageTest {
    private static Map<String, INDArray> part(double w, double b) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w", Nd4j.createFromArray(w, 2 * w).reshape(1, 2));
        m.put("b", Nd4j.createFromArray(b));
        return m;
    }

    @Test
    void theMeanOfThreePartsLeavesThePartsAlone() {
        Map<String, INDArray> first = part(1, 10);
        Map<String, INDArray> mean = new GradientAverage(3).add(first).add(part(2, 20)).add(part(6, 60)).mean();
        assertThat(mean.get("w").toDoubleVector()).containsExactly(3, 6);
        assertThat(mean.get("w").shape()).containsExactly(1, 2);
        assertThat(mean.get("b").toDoubleVector()).containsExactly(30);
        assertThat(first.get("w").toDoubleVector()).as("copied, not summed into").containsExactly(1, 2);
    }

    @Test
    void onePartIsItsOwnMeanUntouched() {
        Map<String, INDArray> only = part(1.0 / 3, -0.0);
        Map<String, INDArray> mean = new GradientAverage(1).add(only).mean();
        assertThat(mean).isSameAs(only);
        assertThat(Double.doubleToRawLongBits(mean.get("b").getDouble(0))).as("even the sign of a zero")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void asManyPartsAsAnnouncedWithTheSameNames() {
        assertThatThrownBy(() -> new GradientAverage(0)).hasMessage("an average needs at least 1 part, got 0");
        assertThatThrownBy(() -> new GradientAverage(2).add(part(1, 1)).mean())
                .hasMessage("1 of 2 parts were added");
        assertThatThrownBy(() -> new GradientAverage(1).add(part(1, 1)).add(part(1, 1)))
                .hasMessage("all 1 parts were added already");
        assertThatThrownBy(() -> new GradientAverage(2).add(part(1, 1)).add(Map.of("w", Nd4j.ones(1, 2))))
                .hasMessage("part 1 has arrays [w], the first had [w, b]");
        GradientAverage twice = new GradientAverage(2).add(part(1, 1)).add(part(3, 3));
        twice.mean();
        assertThat(twice.mean().get("b").toDoubleVector()).as("divided once").containsExactly(2);
    }
}
