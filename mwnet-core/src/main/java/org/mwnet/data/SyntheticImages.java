package org.mwnet.data;

import java.util.SplittableRandom;

/** Random images with balanced, clean labels, for benchmarks and tests whose work does not depend on the pixels. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /**
     * @param n samples
     * @param numClasses K; labels cycle 0..K-1
     * @param channels image channels
     * @param side image height and width
     * @param seed pixel seed
     * @return standard-normal pixels with cycling labels
     */
    public static Dataset gaussian(int n, int numClasses, int channels, int side, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * channels * side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % numClasses;
        }
        return Dataset.adopting("synthetic", numClasses, channels, side, side, px, y, y.clone());
    }
}
