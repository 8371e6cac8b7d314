package org.mwnet.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from one user seed and a purpose name, so that adding a
 * draw in one place never shifts the numbers drawn in another.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param seed the user's seed
     * @param purpose what the stream is for, e.g. "meta-split"
     * @return a seed for that purpose
     */
    public static long derive(long seed, String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return new SplittableRandom(h).nextLong();
    }

    /**
     * @param seed the user's seed
     * @param purpose what the stream is for
     * @return a generator for that purpose
     */
    public static SplittableRandom stream(long seed, String purpose) {
        return new SplittableRandom(derive(seed, purpose));
    }

    /**
     * Shuffles in place (Fisher-Yates).
     *
     * @param a the array
     * @param rng the random stream
     */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
