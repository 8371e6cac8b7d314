package org.mwnet.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The backend's dense matrix-product throughput, the ceiling to read the iteration's GFLOP/s against. */
public final class MatmulBenchmark {
    private MatmulBenchmark() {
    }

    /**
     * @param size n of the n x n x n float product
     * @return GFLOP/s (median of 5 repetitions)
     */
    public static double gflops(int size) {
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, size, size);
        Timing.Result r = Timing.measure(() -> {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            Nd4j.getExecutioner().commit();
        }, 2, 5, 3);
        return 2.0 * size * size * size / (r.medianMs() * 1e6);
    }
}
