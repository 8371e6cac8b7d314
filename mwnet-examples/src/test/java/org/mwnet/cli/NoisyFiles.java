package org.mwnet.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.mwnet.data.NpyTestFiles;

/**
 * A small synthetic dataset with a known corruption, written in every format {@code train --train} reads: three
 * well separated classes (8x8 grey images with a bright patch in a class's own place, or 4 features around a class's
 * own centre), {@value #TRAIN} training samples of which exactly {@value #CORRUPTED} carry another class's label, a
 * clean trusted set of {@value #TRUSTED} and a clean test set of {@value #TEST}.
 */
final class NoisyFiles {
    /** Class names (sorted, as image folders and CSV names are read). */
    static final List<String> CLASSES = List.of("circle", "cross", "square");
    static final int TRAIN = 300;
    static final int CORRUPTED = 90;
    static final int TRUSTED = 30;
    static final int TEST = 60;
    private static final int SIDE = 8;
    private static final int FEATURES = 4;

    /** One set: each sample's values (pixels in [0, 1], or features), its observed and its true label. */
    record Part(float[][] values, int[] observed, int[] clean) {
        int size() {
            return observed.length;
        }
    }

    final Part train;
    final Part trusted;
    final Part test;
    private final boolean images;

    private NoisyFiles(boolean images, long seed) {
        this.images = images;
        SplittableRandom rng = new SplittableRandom(seed);
        train = part(TRAIN, CORRUPTED, rng);
        trusted = part(TRUSTED, 0, rng);
        test = part(TEST, 0, rng);
    }

    /** @return the set as 8x8 grey images */
    static NoisyFiles images(long seed) {
        return new NoisyFiles(true, seed);
    }

    /** @return the set as rows of 4 features */
    static NoisyFiles table(long seed) {
        return new NoisyFiles(false, seed);
    }

    private Part part(int n, int corrupted, SplittableRandom rng) {
        float[][] values = new float[n][];
        int[] clean = new int[n];
        for (int i = 0; i < n; i++) {
            clean[i] = i % CLASSES.size();
            values[i] = images ? image(clean[i], rng) : row(clean[i], rng);
        }
        int[] observed = clean.clone();
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < corrupted; i++) {
            int s = order[i];
            observed[s] = (clean[s] + 1 + rng.nextInt(CLASSES.size() - 1)) % CLASSES.size();
        }
        return new Part(values, observed, clean);
    }

    /** A dark image with a bright 4x4 patch: top left, top right or bottom middle by class; noise everywhere. */
    private static float[] image(int c, SplittableRandom rng) {
        int[][] corners = {{0, 0}, {0, 4}, {4, 2}};
        float[] px = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean patch = y >= corners[c][0] && y < corners[c][0] + 4 && x >= corners[c][1]
                        && x < corners[c][1] + 4;
                double v = (patch ? 0.8 : 0.2) + 0.1 * rng.nextGaussian();
                px[y * SIDE + x] = Math.round(Math.min(1, Math.max(0, v)) * 255) / 255f;
            }
        }
        return px;
    }

    /** Four features around 3 * e_c (class 0, 1, 2 on the first three axes). */
    private static float[] row(int c, SplittableRandom rng) {
        float[] v = new float[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            v[j] = (float) ((j == c ? 3 : 0) + 0.7 * rng.nextGaussian());
        }
        return v;
    }

    /**
     * Writes {@code root/<class>/sNNN.png} by observed label; sample i of the part is {@code sNNN} with NNN = i.
     *
     * @return the root
     */
    static Path folders(Path root, Part part) throws IOException {
        for (int i = 0; i < part.size(); i++) {
            BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < SIDE * SIDE; p++) {
                image.getRaster().setSample(p % SIDE, p / SIDE, 0, Math.round(part.values()[i][p] * 255));
            }
            Path file = root.resolve(CLASSES.get(part.observed()[i])).resolve(String.format("s%03d.png", i));
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        }
        return root;
    }

    /**
     * @param part a part written by {@link #folders}
     * @return its sample indices in the order the folders are read: by class folder, then by file name
     */
    static int[] folderOrder(Part part) {
        return IntStream.range(0, part.size()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> part.observed()[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Writes a CSV table: an id column, f1..f4, and the observed label's class name in the column "kind". */
    static Path csv(Path file, Part part) throws IOException {
        StringBuilder s = new StringBuilder("id,f1,f2,f3,f4,kind\n");
        for (int i = 0; i < part.size(); i++) {
            s.append("r").append(i);
            for (float v : part.values()[i]) {
                s.append(',').append(v);
            }
            s.append(',').append(CLASSES.get(part.observed()[i])).append('\n');
        }
        return Files.writeString(file, s);
    }

    /** @return the .npy bytes of the part's values, float32 [N, D] */
    static byte[] samplesNpy(Part part) {
        int d = part.values()[0].length;
        ByteBuffer b = ByteBuffer.allocate(part.size() * d * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : part.values()) {
            b.asFloatBuffer().put(v);
            b.position(b.position() + d * 4);
        }
        return NpyTestFiles.bytes("<f4", new long[] {part.size(), d}, b);
    }

    /** @return the .npy bytes of labels, int64 [N] */
    static byte[] labelsNpy(int[] labels) {
        return NpyTestFiles.bytes("<i8", new long[] {labels.length}, NpyTestFiles.longs(Arrays.stream(labels)
                .asLongStream().toArray()));
    }

    /** Writes a .npz archive of x (the samples) and y (the given labels). */
    static Path npz(Path file, Part part, int[] labels) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(samplesNpy(part));
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(labelsNpy(labels));
        }
        return file;
    }

    /**
     * Writes one label per line: class names, or class indices.
     *
     * @param order the samples' order in the file
     */
    static Path labelLines(Path file, int[] labels, int[] order, boolean names) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i : order) {
            lines.add(names ? CLASSES.get(labels[i]) : Integer.toString(labels[i]));
        }
        return Files.write(file, lines);
    }

    /** @return the indices 0..n-1 */
    static int[] inOrder(int n) {
        return IntStream.range(0, n).toArray();
    }
}
