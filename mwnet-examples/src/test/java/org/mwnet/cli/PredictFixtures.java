package org.mwnet.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mwnet.data.CsvOptions;
import org.mwnet.data.Dataset;
import org.mwnet.data.Datasets;
import org.mwnet.data.GivenSplits;
import org.mwnet.data.ImageOptions;
import org.mwnet.data.InputSettings;
import org.mwnet.data.LabelledData;
import org.mwnet.data.Normalization;
import org.mwnet.data.NpyTestFiles;
import org.mwnet.data.Splits;
import org.mwnet.train.Checkpoint;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.Trainer;

/**
 * Files for the {@code predict} tests: two classes that differ only in brightness (grey 6x6 images around 0.8 and
 * 0.9, so that without the run's normalisation they would look alike), and two classes of CSV rows around (-2, -2)
 * and (2, 2) next to a column around 10; and checkpoints trained on them through the library.
 */
final class PredictFixtures {
    /** Image height and width. */
    static final int SIDE = 6;
    /** Class names, sorted as folders are. */
    static final List<String> IMAGE_CLASSES = List.of("bright", "dim");
    /** The CSV feature columns, in the run's order. */
    static final List<String> COLUMNS = List.of("a", "b", "c");
    private static final int[] GREY = {230, 204};

    private PredictFixtures() {
    }

    /**
     * Grey images named {@code <class>/<nn>.png}, in path order.
     *
     * @param ids relative paths
     * @param pixels each image's SIDE x SIDE grey bytes
     * @param labels each image's class
     */
    record Images(List<String> ids, List<byte[]> pixels, int[] labels) {
        /** @return all pixels, image after image */
        byte[] all() {
            ByteBuffer b = ByteBuffer.allocate(pixels.size() * SIDE * SIDE);
            pixels.forEach(b::put);
            return b.array();
        }

        /** @param root where to write them @return root */
        Path writeTo(Path root) throws IOException {
            for (int i = 0; i < ids.size(); i++) {
                png(root.resolve(ids.get(i)), pixels.get(i));
            }
            return root;
        }
    }

    /**
     * @param perClass images of each class
     * @param seed noise seed
     * @return images of both classes, grey levels within 6 of their class's
     */
    static Images images(int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        List<byte[]> pixels = new ArrayList<>();
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < perClass; i++) {
                byte[] px = new byte[SIDE * SIDE];
                for (int p = 0; p < px.length; p++) {
                    px[p] = (byte) (GREY[c] + rng.nextInt(-6, 7));
                }
                labels[ids.size()] = c;
                ids.add(String.format(Locale.ROOT, "%s/%02d.png", IMAGE_CLASSES.get(c), i));
                pixels.add(px);
            }
        }
        return new Images(ids, pixels, labels);
    }

    /** Writes a grey PNG. */
    static Path png(Path file, byte[] grey) throws IOException {
        BufferedImage im = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        im.getRaster().setDataElements(0, 0, SIDE, SIDE, grey);
        Files.createDirectories(file.getParent());
        ImageIO.write(im, "png", file.toFile());
        return file;
    }

    /**
     * CSV rows: a and b around -2 (class "no") or 2 ("yes"), c around 10 whatever the class.
     *
     * @param x each row's a, b and c
     * @param labels each row's class, 0 = "no", 1 = "yes"
     */
    record Rows(float[][] x, int[] labels) {
        /**
         * @param file target
         * @param columns the column order to write, any of a, b, c, "kind" (the label) and "note" (text)
         * @return file
         */
        Path writeCsv(Path file, String... columns) throws IOException {
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            for (int i = 0; i < x.length; i++) {
                List<String> fields = new ArrayList<>();
                for (String column : columns) {
                    int j = COLUMNS.indexOf(column);
                    fields.add(j >= 0 ? Float.toString(x[i][j]) : column.equals("kind")
                            ? (labels[i] == 1 ? "yes" : "no") : "\"row, " + i + "\"");
                }
                csv.append(String.join(",", fields)).append('\n');
            }
            return Files.writeString(file, csv);
        }

        /** @return the values of a, b and c, row after row */
        float[] all() {
            float[] v = new float[x.length * 3];
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(x[i], 0, v, 3 * i, 3);
            }
            return v;
        }
    }

    /** @param n rows @param seed noise seed @return rows of alternating classes */
    static Rows rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double centre = labels[i] == 1 ? 2 : -2;
            x[i] = new float[] {(float) (centre + rng.nextGaussian() * 0.5),
                (float) (centre + rng.nextGaussian() * 0.5), (float) (10 + rng.nextGaussian())};
        }
        return new Rows(x, labels);
    }

    /**
     * Checkpoints trained on the fixtures' images and on their CSV rows.
     *
     * @param images the image run's checkpoint
     * @param rows the CSV run's checkpoint
     */
    record Runs(Path images, Path rows) {
    }

    /**
     * Writes the fixtures' images and CSV rows into a folder and trains a run on each.
     *
     * @param dir where the files and checkpoints go
     * @param imagesPerClass training images of each class
     * @param rows training rows
     * @return both runs' checkpoints
     */
    static Runs trainRuns(Path dir, int imagesPerClass, int rows) throws IOException {
        Path images = images(imagesPerClass, 1).writeTo(dir.resolve("train"));
        Path imageRun = train(dir.resolve("images.zip"), Datasets.fromFolder(images, ImageOptions.of(1)),
                InputSettings.FOLDER);
        Path table = rows(rows, 2).writeCsv(dir.resolve("train.csv"), "a", "b", "c", "kind");
        Path csvRun = train(dir.resolve("rows.zip"), Datasets.fromCsv(table, CsvOptions.label("kind")),
                InputSettings.CSV);
        return new Runs(imageRun, csvRun);
    }

    /**
     * Trains a small MLP with plain cross-entropy on data read from files, normalised as its run records, and
     * writes its checkpoint.
     *
     * @param checkpoint target
     * @param train the training set as read
     * @param format its input format
     * @return the checkpoint
     */
    static Path train(Path checkpoint, LabelledData train, String format) throws IOException {
        Normalization norm = Normalization.fit(train.data());
        Dataset x = norm.applyTo(train.data());
        Splits splits = GivenSplits.of(x, x.subset(IntStream.range(0, 20).toArray()), x.subset(new int[0]));
        TrainConfig config = TrainConfig.defaults().toBuilder().model("mlp").hidden(16).method("ce").epochs(4)
                .batch(20).lr(0.1).build();
        new Trainer(config).withCheckpoint(checkpoint, false).train(splits, x,
                GivenSplits.summary(splits, x, 1, InputSettings.ofFiles(format, train, norm)));
        return checkpoint;
    }

    /**
     * @param checkpoint a checkpoint
     * @return its classifier, for the shape its run recorded
     */
    static Checkpoint.Classifier classifier(Path checkpoint) throws IOException {
        Checkpoint.Saved saved = Checkpoint.read(checkpoint);
        InputSettings in = saved.data().input();
        return saved.classifier(new long[] {in.channels(), in.height(), in.width()}, in.numClasses());
    }

    /** @param file a predictions CSV @return its header and rows */
    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    /** @param row a data row @param k classes @return its probabilities p_0..p_k-1 */
    static double[] probabilities(CSVRecord row, int k) {
        return IntStream.range(0, k).mapToDouble(c -> Double.parseDouble(row.get(3 + c))).toArray();
    }

    /** @return a .npy of uint8, shape [n, SIDE, SIDE] or [n, 1, SIDE, SIDE] */
    static Path npy(Path file, byte[] pixels, boolean withChannel) throws IOException {
        long n = pixels.length / (SIDE * SIDE);
        long[] shape = withChannel ? new long[] {n, 1, SIDE, SIDE} : new long[] {n, SIDE, SIDE};
        return NpyTestFiles.npy(file, "|u1", shape, ByteBuffer.wrap(pixels));
    }
}
