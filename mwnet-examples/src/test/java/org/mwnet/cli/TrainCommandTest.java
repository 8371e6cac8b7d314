package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.TestData;
import org.mwnet.train.Json;

/** The train and eval commands end to end on a small IDX dataset written by the test. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private Path smallData() throws Exception {
        Path data = tmp.resolve("data");
        TestData.writeIdxDataset(data.resolve("fashion-mnist"), 700, 100, 10, 5);
        return data;
    }

    @Test
    void trainWritesTheRunDirectoryAndEvalReadsItsCheckpoint() throws Exception {
        Path data = smallData();
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--data-dir", data.toString(), "--noise", "uniform",
                "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "16", "--epochs", "2", "--batch", "50",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("final test accuracy");
        for (String f : new String[] {"metrics.json", "curves.png", "weight-function.png", "checkpoint.zip", "vnet.zip"}) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode m = Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        assertThat(m.fieldNames()).toIterable().startsWith("final_test_acc", "selected_test_acc", "ms_per_iter");
        assertThat(m.get("config").get("method").asText()).isEqualTo("mwnet");
        assertThat(m.get("dataset").get("meta_train_overlap").asInt()).isZero();
        assertThat(m.get("epochs")).hasSize(2);
        assertThat(m.get("weights").get("auc_clean_vs_corrupted").isNumber()).isTrue();

        CliRunner.Result e = CliRunner.run("eval", out.resolve("checkpoint.zip").toString(), "--data-dir", data.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("mwnet mlp after 2 epochs").contains("on 100 fashion-mnist images");

        CliRunner.Result again = CliRunner.run("train", "--data-dir", data.toString(), "--noise", "uniform",
                "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "16", "--epochs", "3", "--batch", "50",
                "--out", out.toString(), "--resume");
        assertThat(again.exitCode()).as("a different --epochs is another configuration").isEqualTo(2);
        assertThat(again.err()).contains("another configuration");
    }

    @Test
    void badOptionValuesGiveOneLineAndNonZeroExit() throws Exception {
        Path data = smallData();
        String[][] cases = {
            {"train", "--noise", "uniform", "--noise-rate", "1.2"},
            {"train", "--model", "vgg"},
            {"train", "--method", "magic"},
            {"train", "--epochs", "0"},
            {"train", "--threads", "0", "--data-dir", data.toString()},
            {"train", "--dataset", "cifar10", "--data-dir", tmp.resolve("empty").toString()},
            {"train", "--data-dir", data.toString(), "--resume", "--out", tmp.resolve("fresh").toString()},
            {"train", "--data-dir", data.toString(), "--init-v", tmp.resolve("none.zip").toString(), "--out",
                tmp.resolve("x").toString(), "--meta-size", "100"},
            {"eval", tmp.resolve("missing.zip").toString()},
            {"train", "--lr", "fast"},
        };
        Files.createDirectories(tmp.resolve("empty"));
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            String what = String.join(" ", args);
            assertThat(r.exitCode()).as(what + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(what).doesNotContain("\n").startsWith("mwnet ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
