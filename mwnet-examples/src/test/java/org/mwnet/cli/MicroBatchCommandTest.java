package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.io.Json;

/** {@code train --accumulate P}: recorded with the run, and a resume must keep it. */
class MicroBatchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aRunWithMicroBatchesRecordsThemAndAResumeWithOthersIsRefused() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--meta-size", "100",
                "--hidden", "8", "--epochs", "1", "--batch", "50", "--accumulate", "2", "--out", out.toString()));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(out.resolve("metrics.json").toFile()).get("config");
        assertThat(config.get("accumulate").asInt()).isEqualTo(2);
        assertThat(config.get("batch").asInt()).as("the iteration's batch, not the micro-batch").isEqualTo(50);

        args.set(args.indexOf("--accumulate") + 1, "1");
        args.add("--resume");
        assertOneLineError(CliRunner.run(args.toArray(String[]::new)), "train", out.resolve("checkpoint.zip")
                + " was written by a run with other configuration: accumulate 2 there, 1 in this run; resume with the "
                + "same configuration");
    }

    @Test
    void helpExplainsTheFlag() {
        CliRunner.Result r = CliRunner.run("train", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--accumulate=P")
                .contains("equal micro-batches").contains("(default: 1, no split)");
    }
}
