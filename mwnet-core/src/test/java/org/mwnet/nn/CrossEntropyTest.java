package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-written cross-entropy against values computed by hand. */
class CrossEntropyTest {
    private static double[] losses(DataType type, double[][] logits, double[][] oneHot) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.constant(Nd4j.createFromArray(logits).castTo(type));
        SDVariable y = sd.constant(Nd4j.createFromArray(oneHot).castTo(type));
        INDArray out = CrossEntropy.perSample(z, y).eval();
        return out.castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Test
    void smallLogitsGiveTheTextbookValue() {
        // log(e^1 + e^2 + e^3) - 2
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 2;
        assertThat(losses(DataType.DOUBLE, new double[][] {{1, 2, 3}}, new double[][] {{0, 1, 0}})[0])
                .isCloseTo(expected, within(1e-12));
    }

    /** Logits hundreds apart (a young ResNet's): log-softmax underflows, the loss must not become NaN. */
    @Test
    void widelySpreadLogitsGiveFiniteExactLosses() {
        double[][] logits = {{0, -200, 50}, {0, -200, 50}};
        double[][] oneHot = {{1, 0, 0}, {0, 1, 0}};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double[] l = losses(type, logits, oneHot);
            // log(1 + e^-200 + e^50) - 0 = 50 + log(1 + e^-50 + e^-250); minus -200 adds 200
            assertThat(l[0]).as("%s", type).isCloseTo(50.0, within(1e-4));
            assertThat(l[1]).as("%s", type).isCloseTo(250.0, within(1e-3));
        }
    }
}
