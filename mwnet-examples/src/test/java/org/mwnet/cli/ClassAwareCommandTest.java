package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.FileRuns.run;
import static org.mwnet.cli.FileRuns.train;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.Json;
import org.mwnet.meta.WeightFunction;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.mwnet.train.WeightNetFile;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code train --method cmwnet}, {@code --warmup-epochs} and a frozen, transferred V ({@code --init-v --freeze-v}) on
 * {@link NoisyFiles}' tables (90 of 300 training labels wrong): the run directory of a class-aware V, a V learned on
 * one set weighting another that has no trusted set, and the one-line refusals of the flags that do not go together.
 */
class ClassAwareCommandTest {
    @TempDir
    Path tmp;

    /** Writes one NoisyFiles table set: its training CSV, trusted CSV and clean-label file, by seed. */
    private List<Path> table(long seed) throws Exception {
        NoisyFiles data = NoisyFiles.table(seed);
        Path dir = Files.createDirectories(tmp.resolve("data" + seed));
        Path train = NoisyFiles.csv(dir.resolve("train.csv"), data.train);
        Path meta = NoisyFiles.csv(dir.resolve("meta.csv"), data.trusted);
        Path clean = Files.writeString(dir.resolve("clean.csv"), "kind\n" + String.join("\n",
                Arrays.stream(data.train.clean()).mapToObj(NoisyFiles.CLASSES::get).toList()) + "\n");
        return List.of(train, meta, clean);
    }

    private static JsonNode json(Path file) throws Exception {
        return Json.MAPPER.readTree(file.toFile());
    }

    @Test
    void aClassAwareRunRecordsItsFamiliesAndDrawsACurveForEach() throws Exception {
        List<Path> data = table(2);
        Path run = tmp.resolve("cmw");
        train("--train", data.get(0).toString(), "--meta", data.get(1).toString(), "--label-column", "kind",
                "--exclude-columns", "id", "--method", "cmwnet", "--families", "2", "--warmup-epochs", "1",
                "--out", run.toString());
        JsonNode m = json(run.resolve("metrics.json"));
        assertThat(m.get("config").get("method").asText()).isEqualTo("cmwnet");
        assertThat(m.get("config").get("families").asInt()).isEqualTo(2);
        assertThat(m.get("epochs").get(0).get("meta_loss").isNull()).as("the warm-up epoch").isTrue();
        assertThat(m.get("epochs").get(1).get("meta_loss").isNull()).isFalse();
        JsonNode curves = m.get("weights").get("family_curves");
        assertThat(curves).hasSize(2);
        List<Integer> classes = new ArrayList<>();
        curves.forEach(c -> c.get("classes").forEach(k -> classes.add(k.asInt())));
        assertThat(classes).as("every class in one family").containsExactlyInAnyOrder(0, 1, 2);
        JsonNode header = Json.MAPPER.readTree(new String(zipEntry(run.resolve("vnet.zip"), "header.json")));
        assertThat(header.get("families").get("count").asInt()).isEqualTo(2);
        assertThat(header.get("trained_by").asText()).startsWith("cmwnet (mlp) on files, seed 3, in ");
        assertThat(run.resolve("weight-function.png")).isRegularFile();
    }

    @Test
    void aVLearnedOnOneSetWeightsAnotherThatHasNoTrustedSet() throws Exception {
        List<Path> first = table(2);
        Path source = tmp.resolve("source");
        train("--train", first.get(0).toString(), "--meta", first.get(1).toString(), "--label-column", "kind",
                "--exclude-columns", "id", "--out", source.toString());
        List<Path> second = table(5);
        Path run = tmp.resolve("transferred");
        CliRunner.Result r = train("--train", second.get(0).toString(), "--label-column", "kind", "--exclude-columns",
                "id", "--clean-labels", second.get(2).toString(), "--init-v", source.resolve("vnet.zip").toString(),
                "--freeze-v", "--out", run.toString());
        assertThat(r.out()).startsWith("no test set (give --test to measure one) and no trusted set to select an "
                + "epoch on: the last epoch's model");
        assertThat(r.err()).doesNotContain("selection acc").doesNotContain("meta loss");

        JsonNode m = json(run.resolve("metrics.json"));
        assertThat(m.get("config").get("freeze_v").asBoolean()).isTrue();
        assertThat(m.get("selection_set").asText()).isEqualTo("none");
        assertThat(m.get("initial_v").asText()).isEqualTo(source.resolve("vnet.zip").toAbsolutePath().normalize()
                + ", trained by mwnet (mlp) on files, seed 3, in " + source.toAbsolutePath().normalize());
        WeightNet v = new WeightNet(WeightNet.DEFAULT_HIDDEN);
        Parameters imported = WeightNetFile.read(source.resolve("vnet.zip"), v, DataType.FLOAT);
        assertThat(WeightNetFile.read(run.resolve("vnet.zip"), v, DataType.FLOAT).asMap())
                .as("V held where it was imported").isEqualTo(imported.asMap());

        List<SampleReport> rows = WeightsCsv.read(run.resolve("weights.csv"));
        double[] losses = rows.stream().mapToDouble(SampleReport::loss).toArray();
        double[] importedV = new WeightFunction(v, DataType.FLOAT).weights(imported, losses);
        assertThat(rows.stream().mapToDouble(SampleReport::weight).toArray()).as("weighted by the imported V")
                .containsExactly(importedV, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Arrays.stream(importedV).max().orElseThrow() - Arrays.stream(importedV).min().orElseThrow())
                .as("a V that tells samples apart").isGreaterThan(0.1);
        CliRunner.Result suspects = CliRunner.run("suspects", run.toString(), "--top", "5");
        assertThat(suspects.exitCode()).as(suspects.err()).isZero();
        assertThat(suspects.out()).contains("precision@5");
    }

    @Test
    void flagsThatDoNotGoTogetherEndInOneLine() throws Exception {
        List<Path> data = table(2);
        Path plainV = tmp.resolve("plain.zip");
        WeightNet plain = new WeightNet(WeightNet.DEFAULT_HIDDEN);
        WeightNetFile.write(plainV, plain, plain.init(1, DataType.FLOAT));
        String[] files = {"--train", data.get(0).toString(), "--label-column", "kind", "--exclude-columns", "id"};
        Path out = tmp.resolve("refused");
        assertOneLineError(run(with(files, "--freeze-v", "--out", out.toString())), "train", "--freeze-v weights the "
                + "samples with an imported V: give it with --init-v FILE (a run's vnet.zip)");
        assertOneLineError(run(with(files, "--freeze-v", "--init-v", plainV.toString(), "--method", "ce", "--out",
                out.toString())), "train", "--freeze-v weights the samples with an imported V, for a method that "
                + "learns V (mwnet or cmwnet); --method ce has none");
        assertOneLineError(run(with(files, "--freeze-v", "--init-v", plainV.toString(), "--method", "cmwnet",
                "--out", out.toString())), "train", "--init-v: " + plainV + " holds a plain V of hidden size 100; "
                + "this run's V is a class-aware V (cmwnet) of hidden size 100 with 3 family heads (--v-hidden, "
                + "--method and --families set it)");
        assertOneLineError(run(with(files, "--freeze-v", "--init-v", plainV.toString(), "--method", "cmwnet",
                "--families", "4", "--out", out.toString())), "train", "--families 4 is more than the data's 3 "
                + "classes; give at most 3");
        assertOneLineError(run(with(files, "--method", "mwnet", "--families", "2", "--out", out.toString())),
                "train", "--families 2 sets the class families of a class-aware V (cmwnet); --method mwnet has none");
        assertOneLineError(run(with(files, "--meta", data.get(1).toString(), "--warmup-epochs", "5", "--out",
                out.toString())), "train", "--warmup-epochs must be in [0, 5) to leave at least one of the --epochs 5 "
                + "to meta-learning, got 5");
        assertOneLineError(run(with(files, "--out", out.toString())), "train", "--train needs a trusted set, which "
                + "MW-Net learns its weighting from: give --meta PATH (samples whose labels you have checked), or "
                + "--carve-meta N to take N training samples as trusted (their labels are then assumed clean); or "
                + "weight with a V learned elsewhere, held fixed (--init-v FILE --freeze-v)");
        assertThat(out).as("nothing written").doesNotExist();
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static byte[] zipEntry(Path zip, String name) throws Exception {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }
}
