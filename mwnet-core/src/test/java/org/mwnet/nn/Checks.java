package org.mwnet.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers shared by the gradient checks: random arrays in DOUBLE and a scale-aware error measure. */
public final class Checks {
    private Checks() {
    }

    /**
     * @param seed the seed
     * @param shape the shape
     * @return standard normal values in DOUBLE
     */
    public static INDArray randn(long seed, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(DataType.DOUBLE);
    }

    /**
     * @param expected reference values
     * @param actual values under test
     * @return {@code max|a - e| / max(max|e|, max|a|)}: the largest error relative to the arrays' scale
     */
    public static double relativeError(INDArray expected, INDArray actual) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), actual.amaxNumber().doubleValue());
        double err = expected.sub(actual).amaxNumber().doubleValue();
        return scale == 0 ? err : err / scale;
    }

    /**
     * @param n rows
     * @param k classes
     * @param seed the seed
     * @return random one-hot labels [n, k] in DOUBLE
     */
    public static INDArray oneHot(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, k);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, rng.nextInt(k), 1.0);
        }
        return y;
    }
}
