package org.mwnet.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.cli.CliRunner;
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
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.AtomicFiles;
import org.mwnet.plots.SuspectGrid;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.Trainer;
import org.mwnet.train.WeightReport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code mwnet suspects} on runs over the user's own files (image folders, {@code .npy} arrays, CSV), whose run
 * directories the tests make as such a run leaves them: a checkpoint recording the input, weights.csv with the
 * files' ids, and inputs.json naming the training files.
 */
class SuspectsImagesTest {
    private static final List<String> CLASSES = List.of("cat", "dog");

    @TempDir
    Path tmp;

    /** Writes root/cat and root/dog, six random 8x8 RGB PNGs each. */
    private Path imageFolders() throws IOException {
        Path root = tmp.resolve("pets");
        SplittableRandom rng = new SplittableRandom(7);
        for (String c : CLASSES) {
            Files.createDirectories(root.resolve(c));
            for (int i = 0; i < 6; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < 64; p++) {
                    image.setRGB(p % 8, p / 8, rng.nextInt(1 << 24));
                }
                ImageIO.write(image, "png", root.resolve(c).resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    /**
     * Trains one ce epoch on the data (also its trusted and test set) with a checkpoint, and writes weights.csv with
     * the data's ids (and its samples' checksums) and inputs.json naming the training path, as a run on user files
     * does; the run directory is named after the training path.
     */
    private Path run(LabelledData read, String format, Path train) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run-" + train.getFileName()));
        Normalization normalization = Normalization.fit(read.data());
        Dataset data = normalization.applyTo(read.data());
        Splits splits = GivenSplits.of(data, data, data);
        var summary = GivenSplits.summary(splits, data, 1, InputSettings.ofFiles(format, read, normalization));
        TrainConfig config = TrainConfig.defaults().toBuilder().method("ce").hidden(4).epochs(1).batch(4).build();
        TrainedModel model = new Trainer(config).withCheckpoint(dir.resolve(RunDirectory.CHECKPOINT), false)
                .train(splits, data, summary);
        List<SampleReport> rows = new ArrayList<>();
        List<SampleReport> byRow = WeightReport.of(model, data);
        for (int i = 0; i < byRow.size(); i++) {
            SampleReport r = byRow.get(i);
            rows.add(new SampleReport(read.ids().get(i), r.observedLabel(), r.loss(), r.weight(), r.predictedLabel(),
                    r.predictedProbability(), r.observedProbability(), null, null, r.sampleCrc32()));
        }
        AtomicFiles.write(dir.resolve(RunDirectory.WEIGHTS), out -> WeightsCsv.write(rows, out));
        new RunInputs(train.toAbsolutePath().toString(), null, null, null, null)
                .write(dir.resolve(RunDirectory.INPUTS));
        return dir;
    }

    /** @return the listed rows' id, observed and suggested label (the columns before "->" and after it) */
    private static List<String[]> listed(String out) {
        return out.lines().skip(2).takeWhile(l -> l.contains(" -> ") && !l.endsWith("\"observed -> suggested\""))
                .map(l -> l.strip().split("\\s+")).map(f -> new String[] {f[1], f[2], f[4]}).toList();
    }

    @Test
    void aFolderRunShowsClassNamesAndDrawsTheFilesThemselves() throws Exception {
        Path root = imageFolders();
        Path dir = run(Datasets.fromFolder(root, ImageOptions.of(3)), InputSettings.FOLDER, root);
        CliRunner.Result r = CliRunner.run("suspects", dir.toString(), "--top", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String[]> rows = listed(r.out());
        assertThat(rows).hasSize(5);
        for (String[] row : rows) {
            assertThat(row[1]).as("the observed class by name: the id's folder").isEqualTo(row[0].split("/")[0]);
            assertThat(row[2]).isIn(CLASSES);
        }
        assertThat(r.out()).contains("by self-confidence").doesNotContain("weight ");
        Path png = dir.resolve("suspects.png");
        assertThat(r.out()).contains(png + ": the top 5 as \"observed -> suggested\"");
        BufferedImage grid = ImageIO.read(png.toFile());
        SuspectGrid.Layout layout = SuspectGrid.Layout.of(5);
        assertThat(grid.getWidth()).isEqualTo(layout.width());
        assertThat(grid.getHeight()).isEqualTo(layout.height());
        for (int i : new int[] {0, 4}) {
            BufferedImage file = ImageIO.read(root.resolve(rows.get(i)[0]).toFile());
            Rectangle at = layout.placement(i, 8, 8);
            for (int p = 0; p < 64; p++) {
                int x = p % 8;
                int y = p / 8;
                assertThat(grid.getRGB(at.x + 14 * x, at.y + 14 * y)).as("image %d pixel %d", i, p)
                        .isEqualTo(file.getRGB(x, y));
            }
        }

        Path shownFile = root.resolve(rows.get(0)[0]);
        byte[] original = Files.readAllBytes(shownFile);
        BufferedImage other = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        other.setRGB(3, 5, 0x123456);
        ImageIO.write(other, "png", shownFile.toFile());
        CliRunner.Result changed = CliRunner.run("suspects", dir.toString(), "--top", "5");
        assertThat(changed.exitCode()).isZero();
        assertThat(listed(changed.out())).hasSize(5);
        assertThat(changed.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + shownFile + ": changed since the run (its sample no longer matches weights.csv); expected the "
                + "file the run read");
        assertThat(png).as("an earlier grid would show the new image under the old caption").doesNotExist();
        Files.write(shownFile, original);
        CliRunner.Result restored = CliRunner.run("suspects", dir.toString(), "--top", "5");
        assertThat(restored.err()).as("the file the run read again").isEmpty();
        assertThat(png).exists();

        Files.delete(dir.resolve(RunDirectory.INPUTS));
        CliRunner.Result noInputs = CliRunner.run("suspects", dir.toString(), "--top", "5");
        assertThat(noInputs.exitCode()).isZero();
        assertThat(listed(noInputs.out())).hasSize(5);
        assertThat(noInputs.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + dir.resolve("inputs.json") + ": not found; it names the run's training files, where the images are");
        assertThat(png).as("an earlier grid belonged to another listing").doesNotExist();

        new RunInputs(root.toString(), null, null, null, null).write(dir.resolve(RunDirectory.INPUTS));
        Path moved = Files.move(root, tmp.resolve("moved"));
        CliRunner.Result gone = CliRunner.run("suspects", dir.toString(), "--top", "5");
        assertThat(gone.exitCode()).isZero();
        assertThat(listed(gone.out())).hasSize(5);
        assertThat(gone.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + root.resolve(rows.get(0)[0]) + ": not found; expected the training image of id " + rows.get(0)[0]
                + " (moved since the run?)");
        assertThat(png).doesNotExist();
        assertThat(moved).isDirectory();
    }

    @Test
    void anNpyRunDrawsRowsOfTheSamplesArray() throws Exception {
        // 12 grey 4x4 samples, uint8, [N, H, W]; sample i has the values 16 i + p at pixel p
        float[] values = new float[12 * 16];
        int[] labels = new int[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        for (int i = 0; i < 12; i++) {
            labels[i] = i % 2;
        }
        Path x = tmp.resolve("x.npy");
        Path y = tmp.resolve("y.npy");
        Nd4j.writeAsNumpy(Nd4j.create(values, new long[] {12, 4, 4}, 'c').castTo(DataType.UINT8), x.toFile());
        Nd4j.writeAsNumpy(Nd4j.createFromArray(labels), y.toFile());
        Path dir = run(Datasets.fromNpy(x, y), InputSettings.NPY, x);
        CliRunner.Result r = CliRunner.run("suspects", dir.toString(), "--top", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        BufferedImage grid = ImageIO.read(dir.resolve("suspects.png").toFile());
        SuspectGrid.Layout layout = SuspectGrid.Layout.of(3);
        assertThat(grid.getWidth()).isEqualTo(layout.width());
        List<Integer> shown = listed(r.out()).stream().map(row -> Integer.parseInt(row[0])).toList();
        int top = shown.get(0);
        Rectangle at = layout.placement(0, 4, 4);
        for (int p = 0; p < 16; p++) {
            int v = 16 * top + p;
            assertThat(grid.getRGB(at.x + 28 * (p % 4), at.y + 28 * (p / 4)) & 0xFFFFFF).as("pixel %d", p)
                    .isEqualTo(v << 16 | v << 8 | v);
        }

        // one value changed in a row that is not shown: the shown rows still match; in a shown row: a warning
        int hidden = IntStream.range(0, 12).filter(i -> !shown.contains(i)).findFirst()
                .orElseThrow();
        float[] edited = values.clone();
        edited[16 * hidden] = 200;
        Nd4j.writeAsNumpy(Nd4j.create(edited, new long[] {12, 4, 4}, 'c').castTo(DataType.UINT8), x.toFile());
        CliRunner.Result otherRow = CliRunner.run("suspects", dir.toString(), "--top", "3");
        assertThat(otherRow.err()).isEmpty();
        assertThat(dir.resolve("suspects.png")).exists();
        edited[16 * shown.get(2) + 5] += 1;
        Nd4j.writeAsNumpy(Nd4j.create(edited, new long[] {12, 4, 4}, 'c').castTo(DataType.UINT8), x.toFile());
        CliRunner.Result shownRow = CliRunner.run("suspects", dir.toString(), "--top", "3");
        assertThat(shownRow.exitCode()).isZero();
        assertThat(shownRow.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + x.toAbsolutePath() + ": changed since the run (its sample " + shown.get(2) + " no longer matches "
                + "weights.csv); expected the file the run read");
        assertThat(dir.resolve("suspects.png")).doesNotExist();

        // a run on the same values as float32 [N, 1, H, W]: outside [0, 1], so the shown rows' range [0, highest] is
        // stretched
        Path xf = tmp.resolve("xf.npy");
        Nd4j.writeAsNumpy(Nd4j.create(values, new long[] {12, 1, 4, 4}, 'c'), xf.toFile());
        Path floatDir = run(Datasets.fromNpy(xf, y), InputSettings.NPY, xf);
        CliRunner.Result floats = CliRunner.run("suspects", floatDir.toString(), "--top", "3");
        assertThat(floats.err()).isEmpty();
        List<String[]> floatsShown = listed(floats.out());
        int floatsTop = Integer.parseInt(floatsShown.get(0)[0]);
        int highest = floatsShown.stream().mapToInt(row -> 16 * Integer.parseInt(row[0]) + 15).max().orElseThrow();
        BufferedImage stretched = ImageIO.read(floatDir.resolve("suspects.png").toFile());
        for (int p = 0; p < 16; p++) {
            int v = (int) Math.round((16.0 * floatsTop + p) / highest * 255);
            assertThat(stretched.getRGB(at.x + 28 * (p % 4), at.y + 28 * (p / 4)) & 0xFF).as("pixel %d", p)
                    .isEqualTo(v);
        }

        // the same float32 values as the array x of an .npz archive: the same samples, the same grid
        byte[] xArray = NpyTestFiles.bytes("<f4", new long[] {12, 1, 4, 4}, NpyTestFiles.floats(values));
        Path npz = NpyTestFiles.npz(tmp.resolve("x.npz"), Map.of("x", xArray), true);
        new RunInputs(npz.toString(), null, null, null, null).write(floatDir.resolve(RunDirectory.INPUTS));
        CliRunner.Result archive = CliRunner.run("suspects", floatDir.toString(), "--top", "3");
        assertThat(archive.err()).isEmpty();
        assertThat(ImageIO.read(floatDir.resolve("suspects.png").toFile()).getRGB(at.x + 28, at.y))
                .isEqualTo(stretched.getRGB(at.x + 28, at.y));

        INDArray changed = Nd4j.create(DataType.FLOAT, 12, 5, 4);
        Nd4j.writeAsNumpy(changed, x.toFile());
        CliRunner.Result other = CliRunner.run("suspects", dir.toString(), "--top", "3");
        assertThat(other.exitCode()).isZero();
        assertThat(other.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + x.toAbsolutePath() + ": has samples of shape [1, 5, 4] but the run read samples of 1x4x4; expected "
                + "the run's file");
    }

    @Test
    void tabularRunsGetNoImages() throws Exception {
        Path csv = tmp.resolve("table.csv");
        StringBuilder text = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 12; i++) {
            text.append(i).append(',').append(i * 2).append(',').append(i % 3).append(',')
                    .append(CLASSES.get(i % 2)).append('\n');
        }
        Files.writeString(csv, text);
        Path dir = run(Datasets.fromCsv(csv, CsvOptions.label("label")), InputSettings.CSV, csv);
        CliRunner.Result r = CliRunner.run("suspects", dir.toString(), "--top", "4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(listed(r.out())).hasSize(4).allMatch(row -> CLASSES.contains(row[1]));
        assertThat(r.out()).endsWith("no suspects.png: the training data are CSV rows, not images\n");
        assertThat(dir.resolve("suspects.png")).doesNotExist();
    }
}
