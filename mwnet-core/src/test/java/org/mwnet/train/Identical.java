package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bit-for-bit equality of arrays, for exact resumes. {@code INDArray.equals} allows a difference of 1e-5 and
 * treats every NaN alike, so it cannot tell an exact continuation from a nearly exact one.
 */
final class Identical {
    private Identical() {
    }

    /**
     * @param expected arrays by name
     * @param actual arrays by name; must hold the same names, types, shapes and bits
     */
    static void assertIdentical(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, e) -> {
            INDArray a = actual.get(name);
            assertThat(a.dataType()).as(name).isEqualTo(e.dataType());
            assertThat(a.shape()).as(name).containsExactly(e.shape());
            assertThat(bits(a)).as(name + ": raw bits").containsExactly(bits(e));
        });
    }

    /** Float values widen to double exactly, so their double bits are equal exactly when the float bits are. */
    private static long[] bits(INDArray a) {
        return Arrays.stream(Nd4j.toFlattened(a).toDoubleVector()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
