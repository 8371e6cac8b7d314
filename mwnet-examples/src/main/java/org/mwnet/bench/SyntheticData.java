package org.mwnet.bench;

import java.util.SplittableRandom;
import org.mwnet.data.Dataset;

/** Random images with balanced labels: the benchmark's data, whose values do not change the work done. */
final class SyntheticData {
    private SyntheticData() {
    }

    static Dataset of(int n, int numClasses, int channels, int side, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * channels * side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % numClasses;
        }
        return new Dataset("synthetic", numClasses, channels, side, side, px, y, y.clone());
    }
}
