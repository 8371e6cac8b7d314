package org.mwnet.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Shared fixture files (small IDX datasets, NumPy arrays) for the tests of every module. */
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

    /**
     * The bytes of a version 1.0 {@code .npy} file, written byte by byte: the magic, the header dictionary padded to
     * 64 bytes, the raw values.
     *
     * @param descr numpy's type, e.g. "&lt;f4" or "|u1"
     * @param shape the array's shape
     * @param values the values, little-endian, C order
     * @param fortranOrder what the header says of the order (the values are written as given)
     * @return the file's bytes
     */
    public static byte[] npy(String descr, long[] shape, ByteBuffer values, boolean fortranOrder) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
                + (shape.length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': "
                + (fortranOrder ? "True" : "False") + ", 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(10 + h.length + values.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) h.length).put(h).put(values.rewind());
        return out.array();
    }

    /**
     * @param v values
     * @return them as little-endian float32 bytes
     */
    public static ByteBuffer floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b;
    }

    /**
     * @param v values
     * @return them as little-endian int64 bytes
     */
    public static ByteBuffer longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(v);
        return b;
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
