package org.mwnet.data;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads a dataset's values back through its public copy, for exact comparisons in the reader tests. */
final class SampleValues {
    private SampleValues() {
    }

    /** @param d a dataset @return all its sample values, sample after sample, NCHW */
    static float[] of(Dataset d) {
        INDArray all = Nd4j.create(DataType.FLOAT, d.size(), d.imageSize());
        d.copyImages(IntStream.range(0, d.size()).toArray(), all);
        return all.reshape(all.length()).toFloatVector();
    }
}
