package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The exact-resume check catches what {@code INDArray.equals} lets through. */
class IdenticalTest {
    @Test
    void oneUlpApartIsADifference() {
        INDArray a = Nd4j.createFromArray(1.0f, 2.0f, 3.0f);
        INDArray b = Nd4j.createFromArray(1.0f, Math.nextUp(2.0f), 3.0f);
        assertThat(a).as("INDArray.equals has a tolerance").isEqualTo(b);
        assertThatThrownBy(() -> Identical.assertIdentical(Map.of("w", a), Map.of("w", b)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("w: raw bits");
        Identical.assertIdentical(Map.of("w", a), Map.of("w", a.dup()));
    }

    @Test
    void typeAndNamesCount() {
        INDArray f = Nd4j.createFromArray(1.0f, 2.0f);
        assertThatThrownBy(() -> Identical.assertIdentical(Map.of("w", f), Map.of("w", f.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Identical.assertIdentical(Map.of("w", f), Map.of("v", f)))
                .isInstanceOf(AssertionError.class);
    }
}
