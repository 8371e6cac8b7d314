package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared fixture files (small IDX datasets) for the tests of every module. */
public final class TestData {
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
        writePart(dir, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS, trainCount, numClasses, rng);
        writePart(dir, IdxSource.TEST_IMAGES, IdxSource.TEST_LABELS, testCount, numClasses, rng);
    }

    private static void writePart(Path dir, String images, String labels, int n, int k, SplittableRandom rng)
            throws IOException {
        byte[] px = new byte[n * 28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (i % k);
        }
        Idx.write(dir.resolve(images), new int[] {n, 28, 28}, px);
        Idx.write(dir.resolve(labels), new int[] {n}, y);
    }
}
