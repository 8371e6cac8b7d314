package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.TestData;
import org.mwnet.io.Json;
import org.mwnet.meta.WeightNet;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.WeightNetFile;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine;

/** The train and eval commands end to end on a small IDX dataset written by the test. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private Path smallData(String dataset) throws Exception {
        Path data = tmp.resolve("data");
        TestData.writeIdxDataset(data.resolve(dataset), 700, 100, 10, 5);
        return data;
    }

    private Path smallData() throws Exception {
        return smallData("fashion-mnist");
    }

    @Test
    void trainWritesTheRunDirectoryAndEvalReadsItsCheckpoint() throws Exception {
        Path data = smallData("mnist");
        Path out = tmp.resolve("run");
        List<String> args = List.of("train", "--dataset", "mnist", "--data-dir", data.toString(), "--noise",
                "uniform", "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "16", "--epochs", "2", "--batch",
                "50", "--seed", "1", "--out", out.toString());
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("final test accuracy");
        for (String f : new String[] {"metrics.json", "curves.png", "weight-function.png", "checkpoint.zip", "vnet.zip",
            "weights.csv"}) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode m = Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        assertThat(m.fieldNames()).toIterable().startsWith("final_test_acc", "selected_test_acc", "ms_per_iter");
        assertThat(m.get("config").get("method").asText()).isEqualTo("mwnet");
        assertThat(m.get("dataset").get("meta_train_overlap").asInt()).isZero();
        assertThat(m.get("epochs")).hasSize(2);
        assertThat(m.get("weights").get("auc_clean_vs_corrupted").isNumber()).isTrue();

        Path checkpoint = out.resolve("checkpoint.zip");
        CliRunner.Result e = CliRunner.run("eval", checkpoint.toString(), "--data-dir", data.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).as("the dataset comes from the checkpoint").contains("mwnet mlp after 2 epochs")
                .contains("on 100 mnist images");

        CliRunner.Result wrongData = CliRunner.run("eval", checkpoint.toString(), "--dataset", "fashion-mnist");
        assertOneLineError(wrongData, "eval", "--dataset fashion-mnist disagrees with " + checkpoint
                + ", which was trained on mnist; leave --dataset out or give --dataset mnist");

        String[][] changes = {
            {"--epochs", "3", "configuration: epochs 2 there, 3 in this run"},
            {"--noise-rate", "0.2", "data settings: noise rate 0.4 there, 0.2 in this run"},
            {"--meta-size", "200", "data settings: meta size 100 there, 200 in this run"},
            {"--seed", "2", "data settings: seed 1 there, 2 in this run"},
        };
        for (String[] change : changes) {
            List<String> resume = new ArrayList<>(args);
            resume.set(resume.indexOf(change[0]) + 1, change[1]);
            resume.add("--resume");
            assertOneLineError(CliRunner.run(resume), "train", checkpoint + " was written by a run with other "
                    + change[2] + "; resume with the same " + change[2].substring(0, change[2].indexOf(':')));
        }
    }

    @Test
    void optionDefaultsAreTheLibrarysDefaults() {
        TrainCommand plain = new TrainCommand();
        new CommandLine(plain).parseArgs();
        assertThat(plain.train.config(plain.data.seed)).isEqualTo(TrainConfig.defaults());
        assertThat(plain.data.splitConfig()).isEqualTo(SplitConfig.defaults());
        TrainCommand resnet = new TrainCommand();
        new CommandLine(resnet).parseArgs("--model", "resnet32", "--batch", "32");
        assertThat(resnet.train.config(1)).as("ResNet width and meta batch defaults")
                .isEqualTo(new TrainConfig.Builder().model("resnet32").batch(32).build());
        assertThat(resnet.train.config(1).hidden()).isEqualTo(16);
        assertThat(resnet.train.config(1).metaBatch()).isEqualTo(32);
    }

    @Test
    void anInitialVForAMethodWithoutVIsRefusedNamingTheFlag() throws Exception {
        Path data = smallData();
        Path vnet = tmp.resolve("vnet.zip");
        WeightNet v = new WeightNet(100);
        WeightNetFile.write(vnet, v, v.init(3, DataType.FLOAT));
        CliRunner.Result r = CliRunner.run("train", "--data-dir", data.toString(), "--method", "ce", "--init-v",
                vnet.toString(), "--out", tmp.resolve("x").toString(), "--meta-size", "100");
        assertOneLineError(r, "train", "--init-v: an initial V needs a method that learns V (mwnet or cmwnet), not ce");
        assertThat(tmp.resolve("x")).doesNotExist();
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
            {"train", "--method", "finetune", "--data-dir", data.toString(), "--out", tmp.resolve("ft").toString()},
        };
        Files.createDirectories(tmp.resolve("empty"));
        for (String[] args : cases) {
            assertOneLineError(CliRunner.run(args), args[0]).doesNotContain("Exception");
        }
    }
}
