package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.FileRuns.train;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.Json;

/**
 * {@code train --train} end to end on each format, on {@link NoisyFiles}' known corruption (90 of 300 training labels
 * wrong): the run directory, weights.csv naming each sample by its file id with its true label, the lowest weights
 * falling on the corrupted samples, and resuming.
 */
class TrainOnFilesTest {
    @TempDir
    Path tmp;

    /**
     * Checks the run directory; that weights.csv names each training sample by its file id with its observed label
     * and known corruption; that the 90 lowest weights fall mostly on the 90 corrupted samples; and that suspects
     * finds the training files unchanged.
     *
     * @param part the training part as written
     * @param indexOfId the sample index an id names
     */
    private static void assertRanksTheCorruption(Path run, NoisyFiles.Part part, ToIntFunction<String> indexOfId)
            throws Exception {
        for (String f : List.of("metrics.json", "checkpoint.zip", "vnet.zip", "weights.csv", "inputs.json",
                "curves.png", "weight-function.png")) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        List<SampleReport> report = WeightsCsv.read(run.resolve("weights.csv"));
        assertThat(report).hasSize(NoisyFiles.TRAIN);
        assertThat(report.stream().map(r -> indexOfId.applyAsInt(r.id())).distinct()).as("one row per sample")
                .hasSize(NoisyFiles.TRAIN);
        for (SampleReport r : report) {
            int i = indexOfId.applyAsInt(r.id());
            assertThat(r.observedLabel()).as(r.id()).isEqualTo(part.observed()[i]);
            assertThat(r.cleanLabel()).as(r.id()).isEqualTo(part.clean()[i]);
            assertThat(r.corrupted()).as(r.id()).isEqualTo(part.observed()[i] != part.clean()[i]);
        }
        long found = report.stream().sorted(Comparator.comparingDouble(SampleReport::weight))
                .limit(NoisyFiles.CORRUPTED).filter(SampleReport::corrupted).count();
        assertThat((double) found / NoisyFiles.CORRUPTED)
                .as("corrupted among the %d lowest weights (30%% of all samples are)", NoisyFiles.CORRUPTED)
                .isGreaterThanOrEqualTo(0.8);
        CliRunner.Result suspects = CliRunner.run("suspects", run.toString(), "--top", "5");
        assertThat(suspects.exitCode()).as(suspects.err()).isZero();
        assertThat(suspects.err()).as("the files read again give the very samples the run trained on (sample_crc32)")
                .isEmpty();
    }

    private static JsonNode json(Path file) throws Exception {
        return Json.MAPPER.readTree(file.toFile());
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Test
    void imageFoldersWithATestSetSkippingAnUnreadableImage() throws Exception {
        NoisyFiles data = NoisyFiles.images(1);
        Path train = NoisyFiles.folders(tmp.resolve("train"), data.train);
        Files.writeString(train.resolve("circle/zz-broken.png"), "not a png");
        Path meta = NoisyFiles.folders(tmp.resolve("meta"), data.trusted);
        Path test = NoisyFiles.folders(tmp.resolve("test"), data.test);
        Path clean = NoisyFiles.labelLines(tmp.resolve("clean.txt"), data.train.clean(),
                NoisyFiles.folderOrder(data.train), true);
        Path run = tmp.resolve("run");
        CliRunner.Result r = train("--train", train.toString(), "--meta", meta.toString(), "--test", test.toString(),
                "--clean-labels", clean.toString(), "--bad-images", "skip", "--out", run.toString());
        assertThat(r.err()).contains("mwnet train: warning: --bad-images skip left out 1 unreadable image of --train "
                + train + ": circle/zz-broken.png\n");
        assertThat(r.out()).startsWith("final test accuracy ");
        assertRanksTheCorruption(run, data.train, id -> {
            assertThat(id).matches("(circle|cross|square)/s\\d{3}\\.png");
            return Integer.parseInt(id.substring(id.indexOf("/s") + 2, id.indexOf(".png")));
        });
        JsonNode m = json(run.resolve("metrics.json"));
        assertThat(m.get("final_test_acc").asDouble()).as("three well separated classes").isGreaterThan(90);
        JsonNode input = m.get("dataset").get("input");
        assertThat(input.get("format").asText()).isEqualTo("folder");
        assertThat(input.get("classes")).extracting(JsonNode::asText).containsExactlyElementsOf(NoisyFiles.CLASSES);
        assertThat(List.of(input.get("channels").asInt(), input.get("height").asInt(), input.get("width").asInt()))
                .as("mlp keeps the images' size, grey").containsExactly(1, 8, 8);
        JsonNode inputs = json(run.resolve("inputs.json"));
        assertThat(inputs.get("train").asText()).isEqualTo(absolute(train));
        assertThat(inputs.get("meta").asText()).isEqualTo(absolute(meta));
        assertThat(inputs.get("test").asText()).isEqualTo(absolute(test));
        assertThat(inputs.get("clean_labels").asText()).isEqualTo(absolute(clean));
        assertThat(inputs.has("train_labels")).isFalse();
    }

    @Test
    void csvTablesWithNamedClassesAndNoTestSet() throws Exception {
        NoisyFiles data = NoisyFiles.table(2);
        Path train = NoisyFiles.csv(tmp.resolve("train.csv"), data.train);
        Path meta = NoisyFiles.csv(tmp.resolve("meta.csv"), data.trusted);
        Path clean = Files.writeString(tmp.resolve("clean.csv"), "kind\n" + String.join("\n",
                Arrays.stream(data.train.clean()).mapToObj(NoisyFiles.CLASSES::get).toList()) + "\n");
        Path run = tmp.resolve("run");
        CliRunner.Result r = train("--train", train.toString(), "--meta", meta.toString(), "--label-column", "kind",
                "--exclude-columns", "id", "--clean-labels", clean.toString(), "--out", run.toString());
        assertThat(r.out()).startsWith("no test set (give --test to measure one); selected epoch ");
        assertThat(r.err()).doesNotContain("test acc");
        assertRanksTheCorruption(run, data.train, id -> Integer.parseInt(id) - 1);
        JsonNode m = json(run.resolve("metrics.json"));
        assertThat(m.get("final_test_acc").isNull()).as("no test accuracy, not a made-up number").isTrue();
        assertThat(m.get("epochs").get(0).get("test_acc").isNull()).isTrue();
        assertThat(m.get("dataset").get("dataset").asText()).isEqualTo("files");
        assertThat(m.get("dataset").get("test_size").asInt()).isZero();
        assertThat(m.get("dataset").get("input").get("columns")).extracting(JsonNode::asText)
                .containsExactly("f1", "f2", "f3", "f4");

        CliRunner.Result eval = CliRunner.run("eval", run.resolve("checkpoint.zip").toString());
        assertOneLineError(eval, "eval", run.resolve("checkpoint.zip") + " was trained on your own files (csv), "
                + "and eval reads only the built-in datasets' test sets; pass your test files to train --test to have "
                + "them reported");
    }

    /**
     * The CIFAR-10N way: the arrays carry the true labels, --train-labels the noisy ones the run learns from, and
     * --clean-labels points back at the true ones for evaluation. Then resuming the finished run reproduces its
     * weights.csv, and resuming with other labels is refused.
     */
    @Test
    void npyArraysWithReplacedLabelsThenResume() throws Exception {
        NoisyFiles data = NoisyFiles.table(3);
        Path x = Files.write(tmp.resolve("x.npy"), NoisyFiles.samplesNpy(data.train));
        Path y = Files.write(tmp.resolve("y.npy"), NoisyFiles.labelsNpy(data.train.clean()));
        Path noisy = NoisyFiles.labelLines(tmp.resolve("noisy.txt"), data.train.observed(),
                NoisyFiles.inOrder(NoisyFiles.TRAIN), false);
        Path meta = NoisyFiles.npz(tmp.resolve("meta.npz"), data.trusted, data.trusted.clean());
        Path test = NoisyFiles.npz(tmp.resolve("test.npz"), data.test, data.test.clean());
        Path run = tmp.resolve("run");
        String[] args = {"--train", x + "," + y, "--train-labels", noisy.toString(), "--clean-labels", y.toString(),
            "--meta", meta.toString(), "--test", test.toString(), "--validation-size", "6", "--meta-batch", "24",
            "--out", run.toString()};
        train(args);
        assertRanksTheCorruption(run, data.train, Integer::parseInt);
        JsonNode m = json(run.resolve("metrics.json"));
        assertThat(m.get("selection_set").asText()).isEqualTo("validation");
        assertThat(m.get("dataset").get("meta_size").asInt()).isEqualTo(24);
        assertThat(m.get("dataset").get("input").get("format").asText()).isEqualTo("npy");
        JsonNode inputs = json(run.resolve("inputs.json"));
        assertThat(inputs.get("train").asText()).isEqualTo(absolute(x));
        assertThat(inputs.get("train_labels").asText()).isEqualTo(absolute(noisy));

        byte[] weights = Files.readAllBytes(run.resolve("weights.csv"));
        List<String> resume = new ArrayList<>(List.of(args));
        resume.add("--resume");
        train(resume.toArray(String[]::new));
        assertThat(run.resolve("weights.csv")).as("the resumed run's report").hasBinaryContent(weights);

        List<String> otherLabels = new ArrayList<>(Files.readAllLines(noisy));
        otherLabels.set(0, otherLabels.get(0).equals("0") ? "1" : "0");
        Files.write(noisy, otherLabels);
        CliRunner.Result refused = FileRuns.run(resume.toArray(String[]::new));
        assertOneLineError(refused, "train", run.resolve("checkpoint.zip") + " was trained on other data "
                + "(different contents); resume with the same data files");
    }

    @Test
    void npzArchiveWithACarvedTrustedSetWarns() throws Exception {
        NoisyFiles data = NoisyFiles.table(4);
        Path train = NoisyFiles.npz(tmp.resolve("train.npz"), data.train, data.train.observed());
        Path run = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--train", train.toString(), "--carve-meta", "30", "--method", "ce",
                "--model", "mlp", "--hidden", "16", "--epochs", "1", "--batch", "30", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("mwnet train: warning: --carve-meta 30 takes 30 training samples (10 per class) "
                + "as the trusted set and assumes their labels are clean;");
        JsonNode summary = json(run.resolve("metrics.json")).get("dataset");
        assertThat(summary.get("train_size").asInt()).isEqualTo(NoisyFiles.TRAIN - 30);
        assertThat(summary.get("meta_per_class_counts")).extracting(JsonNode::asInt).containsExactly(10, 10, 10);
        JsonNode inputs = json(run.resolve("inputs.json"));
        assertThat(inputs.get("train").asText()).isEqualTo(absolute(train));
        assertThat(inputs.has("meta")).as("carved, not read").isFalse();
        assertThat(WeightsCsv.read(run.resolve("weights.csv"))).as("every sample reported, without weights: ce learns "
                + "no V").hasSize(NoisyFiles.TRAIN - 30).allMatch(row -> row.weight() == null);
    }
}
