package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.IdxSource;
import org.mwnet.data.TestData;
import org.mwnet.io.Json;

class DataCommandTest {
    @Test
    void printsTheSummaryOfNoisyFashionMnistAsJson() throws Exception {
        CliRunner.Result r = CliRunner.run("data", "--dataset", "fashion-mnist", "--noise", "uniform",
                "--noise-rate", "0.4", "--seed", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("train_size").asInt()).isEqualTo(59_000);
        assertThat(j.get("meta_size").asInt()).isEqualTo(1000);
        assertThat(j.get("test_size").asInt()).isEqualTo(10_000);
        assertThat(j.get("num_classes").asInt()).isEqualTo(10);
        assertThat(j.get("noisy_fraction").asDouble()).isBetween(0.35, 0.37);
        assertThat(j.get("per_class_counts")).hasSize(10);
        assertThat(j.get("meta_train_overlap").asInt()).isZero();
    }

    @Test
    void badValuesGiveOneLineAndNonZeroExit() {
        String[][] cases = {
            {"data", "--noise", "uniform", "--noise-rate", "1.5"},
            {"data", "--noise", "gauss", "--noise-rate", "0.2"},
            {"data", "--dataset", "imagenet"},
            {"data", "--data-dir", "/no/such/dir"},
            {"data", "--meta-size", "1001"},
            {"data", "--noise-rate", "abc"},
        };
        for (String[] args : cases) {
            assertOneLineError(CliRunner.run(args), "data").doesNotContain("Exception");
        }
    }

    @Test
    void anIncompleteDataDirIsRefusedInOneLineInsteadOfUsingTheSystemCopy(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine, 20, 10, 10, 1);
        Files.delete(mine.resolve(IdxSource.TRAIN_LABELS));
        Files.createDirectory(mine.resolve(IdxSource.TRAIN_LABELS));
        CliRunner.Result r = CliRunner.run("data", "--data-dir", mine.toString(), "--meta-size", "10");
        assertOneLineError(r, "data").startsWith("data directory " + mine)
                .contains("train-labels-idx1-ubyte.gz is a directory, not a file").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aTinyFileDeclaringGigabytesGivesOneLine(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine, 20, 10, 10, 1);
        try (var out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(mine.resolve(IdxSource.TRAIN_IMAGES))))) {
            out.writeInt(0x0803);
            for (int d : new int[] {2551020, 28, 28}) {
                out.writeInt(d);
            }
        }
        CliRunner.Result r = CliRunner.run("data", "--data-dir", mine.toString(), "--meta-size", "10");
        assertOneLineError(r, "data", mine.resolve(IdxSource.TRAIN_IMAGES)
                + ": truncated: header [2551020, 28, 28] declares 1999999680 bytes of data, found 0");
    }
}
