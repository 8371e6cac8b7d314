package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.Dataset;
import org.mwnet.data.Datasets;
import org.mwnet.data.IdxSource;
import org.mwnet.data.ImageOptions;
import org.mwnet.data.LabelledData;
import org.mwnet.data.Normalization;
import org.mwnet.data.NpyTestFiles;
import org.mwnet.eval.Evaluator;
import org.mwnet.eval.Predictions;
import org.mwnet.train.Checkpoint;

/**
 * {@code mwnet predict} on checkpoints trained on image folders, on CSV rows and on a built-in dataset: right
 * predictions on well-separated classes, the same probabilities for the same samples in every format and batch
 * size, and the very probabilities the library computes on the data normalised as the run normalised its own.
 */
class PredictCommandTest {
    @TempDir
    static Path shared;
    private static Path imageRun;
    private static Path csvRun;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainRuns() throws Exception {
        PredictFixtures.Runs runs = PredictFixtures.trainRuns(shared, 60, 120);
        imageRun = runs.images();
        csvRun = runs.rows();
    }

    /** Runs predict, expecting success and its one line. @return the predictions' rows, header first */
    private static List<CSVRecord> predict(Path checkpoint, Path input, Path out, String... more) throws Exception {
        String[] args = new String[4 + more.length];
        args[0] = "predict";
        args[1] = checkpoint.toString();
        args[2] = input.toString();
        args[3] = "--out=" + out;
        System.arraycopy(more, 0, args, 4, more.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<CSVRecord> rows = PredictFixtures.read(out);
        assertThat(r.out()).isEqualTo((rows.size() - 1) + " predictions for " + input + " written to " + out + "\n");
        return rows;
    }

    private static double accuracy(List<CSVRecord> rows, List<String> truth) {
        return IntStream.range(0, truth.size()).filter(i -> rows.get(i + 1).get(1).equals(truth.get(i))).count()
                / (double) truth.size();
    }

    /** Asserts the data rows have the same probabilities, row for row, to float precision. */
    private static void assertSameProbabilities(List<CSVRecord> a, List<CSVRecord> b, int k) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 1; i < a.size(); i++) {
            double[] pa = PredictFixtures.probabilities(a.get(i), k);
            double[] pb = PredictFixtures.probabilities(b.get(i), k);
            for (int c = 0; c < k; c++) {
                assertThat(pa[c]).as("row %d, class %d", i, c).isCloseTo(pb[c], within(1e-6));
            }
        }
    }

    @Test
    void predictsAClassFolderRightWithTheRunsNormalisationAsTheLibraryDoes() throws Exception {
        PredictFixtures.Images images = PredictFixtures.images(20, 7);
        Path folder = images.writeTo(tmp.resolve("new"));
        List<CSVRecord> rows = predict(imageRun, folder, tmp.resolve("p.csv"));

        assertThat(rows.get(0).toList()).containsExactly("id", "predicted", "probability", "p_bright", "p_dim");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0))).containsExactlyElementsOf(images.ids());
        List<String> truth = images.ids().stream().map(id -> id.substring(0, id.indexOf('/'))).toList();
        assertThat(accuracy(rows, truth)).as("brightness classes").isGreaterThan(0.9);
        for (CSVRecord r : rows.subList(1, rows.size())) {
            double[] p = PredictFixtures.probabilities(r, 2);
            assertThat(p[0] + p[1]).isCloseTo(1, within(1e-9));
            int best = p[0] >= p[1] ? 0 : 1;
            assertThat(r.get(1)).isEqualTo(PredictFixtures.IMAGE_CLASSES.get(best));
            assertThat(Double.parseDouble(r.get(2))).isEqualTo(p[best]);
        }

        // the library on the same files, normalised with the statistics of the training set, gives the same
        LabelledData read = Datasets.fromFolder(folder, ImageOptions.of(1));
        LabelledData train = Datasets.fromFolder(shared.resolve("train"), ImageOptions.of(1));
        Normalization norm = Normalization.fit(train.data());
        Checkpoint.Classifier c = PredictFixtures.classifier(imageRun);
        Evaluator evaluator = new Evaluator(c.network(), c.parameters().dataType());
        Predictions expected = evaluator.predict(c.parameters(), norm.applyTo(read.data()));
        for (int i = 0; i < images.ids().size(); i++) {
            assertThat(rows.get(i + 1).get(1)).isEqualTo(read.classes().get(expected.predicted()[i]));
            assertThat(Double.parseDouble(rows.get(i + 1).get(2))).isCloseTo(expected.confidence()[i], within(1e-6));
        }
        // and without it the classes would look alike: the test above would fail if predict skipped it
        assertThat(evaluator.accuracy(c.parameters(), read.data())).isLessThan(75);
    }

    @Test
    void givesTheSameProbabilitiesForTheSameImagesInEveryFormatLayoutAndBatchSize() throws Exception {
        PredictFixtures.Images images = PredictFixtures.images(10, 8);
        List<CSVRecord> nested = predict(imageRun, images.writeTo(tmp.resolve("nested")), tmp.resolve("nested.csv"));
        Path flat = Files.createDirectories(tmp.resolve("flat"));
        for (int i = 0; i < images.ids().size(); i++) {
            PredictFixtures.png(flat.resolve(String.format("%02d.png", i)), images.pixels().get(i));
        }
        assertSameProbabilities(predict(imageRun, flat, tmp.resolve("flat.csv")), nested, 2);
        assertSameProbabilities(predict(imageRun, tmp.resolve("nested"), tmp.resolve("b3.csv"), "--batch", "3"),
                nested, 2);

        byte[] px = images.all();
        List<CSVRecord> npy = predict(imageRun, PredictFixtures.npy(tmp.resolve("x.npy"), px, false),
                tmp.resolve("npy.csv"));
        assertThat(npy.stream().skip(1).map(r -> r.get(0))).containsExactlyElementsOf(
                IntStream.range(0, px.length / 36).mapToObj(Integer::toString).toList());
        assertSameProbabilities(npy, nested, 2);
        assertSameProbabilities(predict(imageRun, PredictFixtures.npy(tmp.resolve("x4.npy"), px, true),
                tmp.resolve("npy4.csv")), nested, 2);

        float[] scaled = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            scaled[i] = (px[i] & 0xFF) / 255f;
        }
        Path npz = NpyTestFiles.npz(tmp.resolve("x.npz"), Map.of("x", NpyTestFiles.bytes("<f4",
                new long[] {px.length / 36, 1, 6, 6}, NpyTestFiles.floats(scaled))), true);
        assertSameProbabilities(predict(imageRun, npz, tmp.resolve("npz.csv")), nested, 2);
    }

    @Test
    void readsTheRunsCsvColumnsByNameAndAgreesWithTheSameRowsAsNpy() throws Exception {
        PredictFixtures.Rows rows = PredictFixtures.rows(40, 9);
        Path csv = rows.writeCsv(tmp.resolve("new.csv"), "note", "c", "b", "a");
        List<CSVRecord> fromCsv = predict(csvRun, csv, tmp.resolve("p.csv"));
        assertThat(fromCsv.get(0).toList()).containsExactly("id", "predicted", "probability", "p_no", "p_yes");
        assertThat(fromCsv.get(1).get(0)).isEqualTo("1");
        List<String> truth = IntStream.of(rows.labels()).mapToObj(y -> y == 1 ? "yes" : "no").toList();
        assertThat(accuracy(fromCsv, truth)).isGreaterThan(0.9);

        Path npy = NpyTestFiles.npy(tmp.resolve("rows.npy"), "<f4", new long[] {40, 3},
                NpyTestFiles.floats(rows.all()));
        assertSameProbabilities(predict(csvRun, npy, tmp.resolve("npy.csv")), fromCsv, 2);

        Checkpoint.Classifier c = PredictFixtures.classifier(csvRun);
        Normalization norm = Checkpoint.read(csvRun).data().input().normalization();
        Dataset x = norm.applyTo(new Dataset("rows", 2, 1, 1, 3, rows.all(), rows.labels(), rows.labels()));
        Predictions expected = new Evaluator(c.network(), c.parameters().dataType()).predict(c.parameters(), x);
        for (int i = 0; i < 40; i++) {
            assertThat(Double.parseDouble(fromCsv.get(i + 1).get(2))).isCloseTo(expected.confidence()[i],
                    within(1e-6));
        }
    }

    @Test
    void predictsPngsAndUint8ArraysForABuiltInDatasetRunWithItsFixedNormalisation() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path run = tmp.resolve("run");
        CliRunner.Result trained = CliRunner.run("train", "--method", "ce", "--meta-size", "100", "--hidden", "8",
                "--epochs", "1", "--batch", "50", "--out", run.toString(), "--data-dir", data.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path checkpoint = run.resolve("checkpoint.zip");

        SplittableRandom rng = new SplittableRandom(3);
        int n = 6;
        byte[] px = new byte[n * 28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        Path folder = Files.createDirectories(tmp.resolve("pngs"));
        for (int i = 0; i < n; i++) {
            BufferedImage im = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            im.getRaster().setDataElements(0, 0, 28, 28, Arrays.copyOfRange(px, i * 784, (i + 1) * 784));
            ImageIO.write(im, "png", folder.resolve("img" + i + ".png").toFile());
        }
        List<CSVRecord> pngs = predict(checkpoint, folder, tmp.resolve("pngs.csv"));
        assertThat(pngs.get(0).toList()).containsExactly("id", "predicted", "probability", "p_0", "p_1", "p_2",
                "p_3", "p_4", "p_5", "p_6", "p_7", "p_8", "p_9");
        assertThat(pngs.get(1).get(0)).isEqualTo("img0.png");
        Path npy = NpyTestFiles.npy(tmp.resolve("x.npy"), "|u1", new long[] {n, 28, 28}, ByteBuffer.wrap(px));
        assertSameProbabilities(predict(checkpoint, npy, tmp.resolve("npy.csv")), pngs, 10);

        // the library's Fashion-MNIST loader turns the same bytes into these values
        float[] normalised = IdxSource.FASHION_MNIST.normalization().apply(px, 784);
        int[] zeros = new int[n];
        Checkpoint.Classifier c = PredictFixtures.classifier(checkpoint);
        Predictions expected = new Evaluator(c.network(), c.parameters().dataType()).predict(c.parameters(),
                new Dataset("new", 10, 1, 28, 28, normalised, zeros, zeros));
        for (int i = 0; i < n; i++) {
            assertThat(pngs.get(i + 1).get(1)).isEqualTo(Integer.toString(expected.predicted()[i]));
            assertThat(Double.parseDouble(pngs.get(i + 1).get(2))).isCloseTo(expected.confidence()[i], within(1e-6));
        }
    }

    @Test
    void skipsUnreadableImagesWhenAskedNamingThem() throws Exception {
        Path folder = PredictFixtures.images(3, 4).writeTo(tmp.resolve("new"));
        Files.writeString(folder.resolve("bright/broken.png"), "not an image");
        Files.writeString(folder.resolve("zz.jpg"), "not an image either");
        Path out = tmp.resolve("p.csv");
        CliRunner.Result r = CliRunner.run("predict", imageRun.toString(), folder.toString(), "--out", out.toString(),
                "--bad-images", "skip");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("mwnet predict: warning: skipped 2 files that cannot be decoded as images: "
                + "bright/broken.png, zz.jpg\n");
        assertThat(r.out()).isEqualTo("6 predictions for " + folder + " written to " + out + "\n");
        assertThat(PredictFixtures.read(out).stream().skip(1).map(row -> row.get(0))).doesNotContain(
                "bright/broken.png", "zz.jpg").hasSize(6);
    }

    /**
     * One rule for both commands: a file whose extension is no image format is left out and named in a warning,
     * a hidden file is ignored, and an image file that cannot be decoded still stops either command.
     */
    @Test
    void trainAndPredictLeaveOutTheSameFilesThatAreNotImagesButStopAtACorruptPng() throws Exception {
        Path folder = PredictFixtures.images(10, 6).writeTo(tmp.resolve("mixed"));
        Files.writeString(folder.resolve("README.md"), "how the images were taken");
        Files.writeString(folder.resolve("bright/notes.txt"), "checked by hand");
        Files.writeString(folder.resolve("dim/.DS_Store"), "hidden");
        String leftOut = "skipped 2 files%s that are not images (README.md, bright/notes.txt)";
        Path out = tmp.resolve("p.csv");
        String[] train = {"train", "--train", folder.toString(), "--carve-meta", "8", "--method", "ce", "--model",
            "mlp", "--hidden", "4", "--epochs", "1", "--batch", "8", "--out", tmp.resolve("run").toString()};
        String[] predict = {"predict", imageRun.toString(), folder.toString(), "--out", out.toString()};

        CliRunner.Result trained = CliRunner.run(train);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("mwnet train: warning: " + leftOut.formatted(" of --train " + folder)
                + "\n");
        CliRunner.Result predicted = CliRunner.run(predict);
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.err()).isEqualTo("mwnet predict: warning: " + leftOut.formatted("") + "\n");
        assertThat(predicted.out()).isEqualTo("20 predictions for " + folder + " written to " + out + "\n");

        Path corrupt = Files.writeString(folder.resolve("bright/zz.png"), "not an image");
        String refused = corrupt + ": is not an image ImageIO can decode; expected a PNG, JPEG, BMP or GIF image";
        train[train.length - 1] = tmp.resolve("run2").toString();
        assertOneLineError(CliRunner.run(train), "train", refused);
        assertOneLineError(CliRunner.run(predict), "predict", refused);
    }

    @Test
    void replacesAnExistingOutputAndIsListedInTheHelp() throws Exception {
        Path out = Files.writeString(tmp.resolve("p.csv"), "old\n");
        List<CSVRecord> rows = predict(imageRun, PredictFixtures.images(2, 5).writeTo(tmp.resolve("new")), out);
        assertThat(rows).hasSize(5);
        assertThat(CliRunner.run("--help").out()).contains("predict");
        assertThat(CliRunner.run("predict", "--help").out()).contains("--bad-images", "p_<class>");
    }
}
