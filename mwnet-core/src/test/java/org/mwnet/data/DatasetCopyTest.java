package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batches copied into reused arrays: the second batch replaces the first completely. */
class DatasetCopyTest {
    /** Three 1x1x2 images: image i holds {10i, 10i + 1}; labels 2, 0, 1 of 3 classes. */
    private final Dataset data = new Dataset("t", 3, 1, 1, 2, new float[] {0, 1, 10, 11, 20, 21},
            new int[] {2, 0, 1}, new int[] {2, 0, 1});

    @Test
    void aSecondBatchReplacesTheFirstInTheSameArrays() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray images = Nd4j.create(type, 2, 1, 1, 2);
            INDArray labels = Nd4j.create(type, 2, 3);
            float[] staging = new float[4];
            data.copyImages(new int[] {2, 0}, images, staging);
            data.copyOneHot(new int[] {2, 0}, labels);
            assertThat(images.ravel().toDoubleVector()).containsExactly(20, 21, 0, 1);
            assertThat(labels.toDoubleMatrix()).isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}});
            data.copyImages(new int[] {1, 1}, images, staging);
            data.copyOneHot(new int[] {1, 1}, labels);
            assertThat(images.ravel().toDoubleVector()).containsExactly(10, 11, 10, 11);
            assertThat(labels.toDoubleMatrix()).isEqualTo(new double[][] {{1, 0, 0}, {1, 0, 0}});
        }
    }

    @Test
    void aDestinationOfAnotherSizeIsRefused() {
        INDArray tooBig = Nd4j.create(DataType.FLOAT, 3, 1, 1, 2);
        assertThatThrownBy(() -> data.copyImages(new int[] {0, 1}, tooBig, new float[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 6 values, got 4");
        assertThatThrownBy(() -> data.copyOneHot(new int[] {0, 1}, Nd4j.create(DataType.FLOAT, 3, 3)))
                .hasMessageContaining("needs 9 values, got 6");
    }
}
