package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/** Shared fixture files (small IDX datasets) for the tests of every module. */
public final class TestData {
    private static final int PIXELS = 28 * 28;

    private TestData() {
    }

    /**
     * Writes the four gzipped IDX files of a tiny MNIST-like dataset (28x28 random images, labels cycling 0..K-1).
     *
     * @param dir target directory
     * @param trainCount training images
     * @param testCount test images
     * @param numClasses K
     * @param seed pixel seed
     * @throws IOException when writing fails
     */
    public static void writeIdxDataset(Path dir, int trainCount, int testCount, int numClasses, long seed)
            throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        write(dir, trainCount, testCount, numClasses, (label, pixel) -> rng.nextInt(256));
    }

    /**
     * Writes the IDX files of a tiny MNIST-like dataset whose classes can be learnt: each 28x28 image is the mean of
     * its class's pattern (random pixels drawn once per class) and random pixels of its own, so a small MLP tells the
     * classes apart within an epoch. Labels cycle 0..K-1.
     *
     * @param dir target directory
     * @param trainCount training images
     * @param testCount test images
     * @param numClasses K
     * @param seed seed of the patterns and pixels
     * @throws IOException when writing fails
     */
    public static void writeLearnableIdxDataset(Path dir, int trainCount, int testCount, int numClasses, long seed)
            throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] patterns = new int[numClasses][];
        for (int k = 0; k < numClasses; k++) {
            patterns[k] = rng.ints(PIXELS, 0, 256).toArray();
        }
        write(dir, trainCount, testCount, numClasses,
                (label, pixel) -> (patterns[label][pixel] + rng.nextInt(256)) / 2);
    }

    /** Writes the training and the test part, pixels drawn in order from {@code pixel(label, index in image)}. */
    private static void write(Path dir, int trainCount, int testCount, int numClasses, IntBinaryOperator pixel)
            throws IOException {
        writePart(dir, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS, trainCount, numClasses, pixel);
        writePart(dir, IdxSource.TEST_IMAGES, IdxSource.TEST_LABELS, testCount, numClasses, pixel);
    }

    private static void writePart(Path dir, String images, String labels, int n, int k, IntBinaryOperator pixel)
            throws IOException {
        byte[] px = new byte[n * PIXELS];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) pixel.applyAsInt(i / PIXELS % k, i % PIXELS);
        }
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (i % k);
        }
        Idx.write(dir.resolve(images), new int[] {n, 28, 28}, px);
        Idx.write(dir.resolve(labels), new int[] {n}, y);
    }
}
