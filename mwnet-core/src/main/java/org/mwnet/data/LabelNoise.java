package org.mwnet.data;

import java.util.SplittableRandom;

/**
 * Corrupts labels by a class-transition matrix C, where C[i][j] is the probability that a sample of true class i
 * is labelled j. Every sample's label is drawn from the row of its true class, in index order from one seeded
 * stream, so the result depends on the seed alone.
 */
public final class LabelNoise {
    private LabelNoise() {
    }

    /**
     * @param type noise model
     * @param rate p in [0, 1]
     * @param numClasses K (at least 2; at least 3 for pair noise)
     * @param seed chooses the target classes of flip and pair noise
     * @return the K x K transition matrix; rows sum to 1
     */
    public static double[][] transition(NoiseType type, double rate, int numClasses, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("noise rate " + rate + " is outside [0, 1]");
        }
        if (numClasses < 2 || (type == NoiseType.PAIR && numClasses < 3)) {
            throw new IllegalArgumentException(type.cliName() + " noise needs at least "
                    + (type == NoiseType.PAIR ? 3 : 2) + " classes, got " + numClasses);
        }
        int k = numClasses;
        double[][] c = new double[k][k];
        SplittableRandom rng = Seeds.stream(seed, "noise-targets");
        for (int i = 0; i < k; i++) {
            switch (type) {
                case NONE -> c[i][i] = 1;
                case UNIFORM -> {
                    for (int j = 0; j < k; j++) {
                        c[i][j] = rate / k;
                    }
                    c[i][i] += 1 - rate;
                }
                case FLIP -> {
                    c[i][i] = 1 - rate;
                    c[i][otherClass(i, k, rng)] += rate;
                }
                case PAIR -> {
                    int a = otherClass(i, k, rng);
                    int b;
                    do {
                        b = otherClass(i, k, rng);
                    } while (b == a);
                    c[i][i] = 1 - rate;
                    c[i][a] += rate / 2;
                    c[i][b] += rate / 2;
                }
                default -> throw new AssertionError(type);
            }
        }
        return c;
    }

    /**
     * Draws a noisy label for every sample.
     *
     * @param cleanLabels true labels in [0, K)
     * @param transition the K x K matrix from {@link #transition}
     * @param seed the sampling seed
     * @return the noisy labels
     */
    public static int[] corrupt(int[] cleanLabels, double[][] transition, long seed) {
        SplittableRandom rng = Seeds.stream(seed, "noise-labels");
        int[] noisy = new int[cleanLabels.length];
        for (int n = 0; n < cleanLabels.length; n++) {
            double[] row = transition[cleanLabels[n]];
            double u = rng.nextDouble();
            int j = 0;
            double cum = row[0];
            while (u >= cum && j < row.length - 1) {
                cum += row[++j];
            }
            noisy[n] = j;
        }
        return noisy;
    }

    private static int otherClass(int i, int k, SplittableRandom rng) {
        int j = rng.nextInt(k - 1);
        return j >= i ? j + 1 : j;
    }
}
