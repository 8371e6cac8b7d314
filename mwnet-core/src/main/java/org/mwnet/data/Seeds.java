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
     * Names one of several parts of a purpose, such as shard p of P of an epoch's order, so that each part has its
     * own stream.
     *
     * @param purpose what the stream is for, e.g. "epoch-3"
     * @param part the part, from 0
     * @param parts how many parts there are, at least 1
     * @return the purpose itself when there is one part (a run in one part draws exactly what a run without parts
     *     draws), else the purpose followed by "/part-p-of-P"
     */
    public static String part(String purpose, int part, int parts) {
        return parts == 1 ? purpose : purpose + "/part-" + part + "-of-" + parts;
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
