package org.mwnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.concurrency.BasicAffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link HostArrays} on CPU: values land in row-major order, in any floating type, in views whose elements are not
 * contiguous in the host buffer (where a put into the raw buffer lands in the wrong places), and every element is
 * overwritten. CPU's affinity manager ignores location tags, so a recording one checks that each write into host
 * memory is followed by the tag CUDA needs.
 */
class HostArraysTest {
    /** Records each tag with the array's values at the time of the tag. */
    private static final class RecordingAffinity extends BasicAffinityManager {
        final List<INDArray> tagged = new ArrayList<>();
        final List<double[]> valuesWhenTagged = new ArrayList<>();
        final List<Location> locations = new ArrayList<>();

        @Override
        public void tagLocation(INDArray array, Location location) {
            tagged.add(array);
            valuesWhenTagged.add(array.dup().ravel().toDoubleVector());
            locations.add(location);
        }

        @Override
        public void touch(INDArray array) {
        }

        @Override
        public void touch(DataBuffer buffer) {
        }
    }

    @Test
    void writesRowMajorIntoFloatAndDouble() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.create(type, 2, 3);
            HostArrays.write(a, new float[] {1, 2, 3, 4, 5, 6});
            assertThat(a.getDouble(0, 2)).isEqualTo(3);
            assertThat(a.getDouble(1, 0)).isEqualTo(4);
            HostArrays.write(a, new double[] {0.5, -1, 2.25, 8, 16, 32});
            assertThat(a.ravel().toDoubleVector()).containsExactly(0.5, -1, 2.25, 8, 16, 32);
        }
    }

    @Test
    void aWriteIntoHostMemoryIsTaggedAsAHostWriteAfterTheValuesAreIn() {
        RecordingAffinity affinity = new RecordingAffinity();
        INDArray batch = Nd4j.create(DataType.FLOAT, 2, 1, 1, 2);
        HostArrays.write(batch, new float[] {1, 2, 3, 4, 99}, 4, affinity);
        INDArray theta = Nd4j.create(DataType.DOUBLE, 3);
        HostArrays.write(theta, new double[] {-1, 0, 1}, affinity);
        assertThat(affinity.tagged).hasSize(2);
        assertThat(affinity.tagged.get(0)).isSameAs(batch);
        assertThat(affinity.tagged.get(1)).isSameAs(theta);
        assertThat(affinity.locations).containsOnly(AffinityManager.Location.HOST);
        assertThat(affinity.valuesWhenTagged.get(0)).containsExactly(1, 2, 3, 4);
        assertThat(affinity.valuesWhenTagged.get(1)).containsExactly(-1, 0, 1);
    }

    @Test
    void writesThroughAnOpNeedNoTag() {
        RecordingAffinity affinity = new RecordingAffinity();
        INDArray floats = Nd4j.create(DataType.FLOAT, 2);
        HostArrays.write(floats, new double[] {0.1, 0.2}, affinity);
        assertThat(floats.toFloatVector()).containsExactly(0.1f, 0.2f);
        INDArray doubles = Nd4j.create(DataType.DOUBLE, 2);
        HostArrays.write(doubles, new float[] {0.5f, 0.25f}, 2, affinity);
        assertThat(doubles.toDoubleVector()).containsExactly(0.5, 0.25);
        assertThat(affinity.tagged).isEmpty();
    }

    @Test
    void writesIntoAStridedViewAndLeavesTheRestAlone() {
        INDArray whole = Nd4j.zeros(DataType.FLOAT, 3, 4);
        INDArray column = whole.get(NDArrayIndex.all(), NDArrayIndex.point(2));
        HostArrays.write(column, new float[] {7, 8, 9});
        INDArray lastRow = whole.get(NDArrayIndex.point(2), NDArrayIndex.all());
        HostArrays.write(lastRow, new float[] {1, 2, 3, 4});
        assertThat(whole.toFloatMatrix()).isEqualTo(new float[][] {{0, 0, 7, 0}, {0, 0, 8, 0}, {1, 2, 3, 4}});
    }

    @Test
    void writesIntoColumnMajorAndPermutedArraysInRowMajorOrder() {
        INDArray f = Nd4j.create(DataType.FLOAT, new long[] {2, 3}, 'f');
        HostArrays.write(f, new float[] {1, 2, 3, 4, 5, 6});
        assertThat(f.toFloatMatrix()).isEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray base = Nd4j.zeros(DataType.FLOAT, 1, 3, 2);
        INDArray permuted = base.permute(0, 2, 1);
        HostArrays.write(permuted, new float[] {1, 2, 3, 4, 5, 6});
        assertThat(permuted.slice(0).toFloatMatrix()).isEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(base.slice(0).toFloatMatrix()).isEqualTo(new float[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void overwritesEveryElementWithAPrefixOfALargerBuffer() {
        INDArray a = Nd4j.valueArrayOf(new long[] {2, 2}, 5f, DataType.FLOAT);
        HostArrays.write(a, new float[] {1, 0, 0, 1, 99, 99}, 4);
        assertThat(a.ravel().toFloatVector()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void refusesACountThatDoesNotFillTheArray() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        assertThatThrownBy(() -> HostArrays.write(a, new float[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an array of shape [2, 3] needs 6 values, got 5");
        assertThatThrownBy(() -> HostArrays.write(a, new double[7])).hasMessage("an array of shape [2, 3] needs 6 values, got 7");
        assertThatThrownBy(() -> HostArrays.write(a, new float[4], 6)).hasMessage("an array of shape [2, 3] needs 6 values, got 4");
    }
}
