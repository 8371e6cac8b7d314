package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.CliRunner.smallTrain;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.io.Json;
import org.mwnet.train.ArrayArchive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train --accumulate P --sync-every K}: recorded with the run, the same checkpoint with
 * {@code --spark-master local[2] --workers P}, kept by a resume, and bad uses in one line.
 */
class SyncEveryCommandTest {
    @TempDir
    Path tmp;


    @Test
    void aRunRecordsItsIntervalOnSparkWritesTheSameCheckpointAndAResumeWithAnotherIsRefused() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("run");
        List<String> args = smallTrain(data, out, "--accumulate", "2", "--sync-every", "3");
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(out.resolve("metrics.json").toFile()).get("config");
        assertThat(config.get("sync_every").asInt()).isEqualTo(3);

        Path spark = tmp.resolve("spark");
        CliRunner.Result onSpark = CliRunner.run(smallTrain(data, spark, "--spark-master", "local[2]", "--workers", "2",
                "--sync-every", "3").toArray(String[]::new));
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        Map<String, INDArray> expected = ArrayArchive.read(out.resolve("checkpoint.zip"), "checkpoint").arrays();
        Map<String, INDArray> actual = ArrayArchive.read(spark.resolve("checkpoint.zip"), "checkpoint").arrays();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, e) -> assertThat(actual.get(name).data().asDouble()).as(name)
                .containsExactly(e.data().asDouble()));

        args.set(args.indexOf("--sync-every") + 1, "2");
        args.add("--resume");
        assertOneLineError(CliRunner.run(args), "train", out.resolve("checkpoint.zip") + " was written by a run "
                + "with other configuration: sync every 3 there, 2 in this run; resume with the same configuration");
    }

    @Test
    void eachBadUseEndsInOneLine() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("run");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--accumulate", "2", "--sync-every", "0")), "train",
                "--sync-every must be at least 1, got 0");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--sync-every", "5")), "train",
                "--sync-every 5 averages the parameters of P workers, and this run has 1: give "
                + "--accumulate P, or --workers P on Spark, with P at least 2");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "1",
                "--sync-every", "5")), "train", "--sync-every 5 averages the parameters of P workers, and this run has "
                + "1: give --accumulate P, or --workers P on Spark, with P at least 2");
        for (String method : List.of("l2rw", "finetune")) {
            assertOneLineError(CliRunner.run(smallTrain(data, out, "--accumulate", "2", "--sync-every", "5",
                    "--method", method)), "train", "--sync-every 5 does not train --method " + method
                    + ": parameter averaging trains one of [mwnet, cmwnet, ce, focal]");
        }
        assertThat(out).as("nothing half-written").doesNotExist();
    }

    @Test
    void helpExplainsTheFlag() {
        CliRunner.Result r = CliRunner.run("train", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--sync-every=K")
                .contains("Average parameters instead of gradients").contains("also at the end of every epoch");
    }
}
