package org.mwnet.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Long-tailed imbalance with factor r: class c keeps n_c = floor(n_max * (1/r)^(c/(K-1))) samples, so class 0 keeps
 * n_max and class K-1 keeps n_max / r.
 */
public final class LongTail {
    private LongTail() {
    }

    /**
     * @param nMax the head class's count
     * @param numClasses K
     * @param factor r, at least 1
     * @return n_c for every class
     */
    public static int[] counts(int nMax, int numClasses, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("imbalance factor " + factor + " must be at least 1");
        }
        int[] n = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            double exponent = numClasses == 1 ? 0 : (double) c / (numClasses - 1);
            n[c] = (int) Math.floor(nMax * Math.pow(1 / factor, exponent) + 1e-9);
        }
        return n;
    }

    /**
     * Chooses which samples stay: a seeded random n_c of each class, n_max being the smallest class's count.
     *
     * @param labels the labels of the pool, in [0, K)
     * @param numClasses K
     * @param factor r
     * @param seed the selection seed
     * @return the kept indices, ascending
     */
    public static int[] select(int[] labels, int numClasses, double factor, long seed) {
        int[][] byClass = Splits.indicesByClass(labels, numClasses);
        int nMax = Arrays.stream(byClass).mapToInt(a -> a.length).min().orElse(0);
        int[] keep = counts(nMax, numClasses, factor);
        SplittableRandom rng = Seeds.stream(seed, "long-tail");
        int total = Arrays.stream(keep).sum();
        int[] out = new int[total];
        int k = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] members = byClass[c].clone();
            Seeds.shuffle(members, rng);
            System.arraycopy(members, 0, out, k, keep[c]);
            k += keep[c];
        }
        Arrays.sort(out);
        return out;
    }
}
