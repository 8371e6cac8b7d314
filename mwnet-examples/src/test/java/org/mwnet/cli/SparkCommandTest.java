package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * {@code train --spark-master local[2] --workers P}: the run of {@code --accumulate P}, checkpoint for checkpoint;
 * and each bad input ends in one line before Spark starts (a bad master URL once Spark has refused it).
 */
class SparkCommandTest {
    @TempDir
    Path tmp;


    @Test
    void aRunOnTwoSparkWorkersWritesTheCheckpointOfTheRunWithTwoMicroBatches() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path single = tmp.resolve("single");
        Path spark = tmp.resolve("spark");
        CliRunner.Result one = CliRunner.run(smallTrain(data, single, "--accumulate", "2").toArray(String[]::new));
        assertThat(one.exitCode()).as(one.err()).isZero();
        CliRunner.Result two = CliRunner.run(smallTrain(data, spark, "--spark-master", "local[2]", "--workers", "2")
                .toArray(String[]::new));
        assertThat(two.exitCode()).as(two.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(spark.resolve("metrics.json").toFile()).get("config");
        assertThat(config.get("accumulate").asInt()).isEqualTo(2);
        Map<String, INDArray> expected = ArrayArchive.read(single.resolve("checkpoint.zip"), "checkpoint").arrays();
        Map<String, INDArray> actual = ArrayArchive.read(spark.resolve("checkpoint.zip"), "checkpoint").arrays();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, e) -> assertThat(actual.get(name).data().asDouble()).as(name)
                .containsExactly(e.data().asDouble()));
    }

    @Test
    void eachBadInputEndsInOneLine() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("run");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "nonsense[", "--workers", "2")),
                "train", "--spark-master nonsense[: Spark did not start: Could not parse Master URL: 'nonsense['");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "3")),
                "train", "--batch 50 does not split into --workers 3 equal micro-batches; give a --batch divisible "
                + "by 3");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "2",
                "--meta-batch", "25")), "train", "--meta-batch 25 does not split into --workers 2 equal micro-batches; "
                + "give a --meta-batch divisible by 2");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "0")),
                "train", "--workers must be at least 1, got 0");
        // a worker per sample or more: the batch, which splits among the workers, cannot fit the training set
        List<String> perSample = smallTrain(data, out, "--spark-master", "local[2]", "--workers", "700");
        perSample.set(perSample.indexOf("--batch") + 1, "700");
        assertOneLineError(CliRunner.run(perSample), "train",
                "--batch 700 is larger than the training set (600 samples)");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--workers", "2")), "train",
                "--workers 2 needs --spark-master (in one process, --accumulate 2 computes the same)");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "2",
                "--method", "l2rw")), "train", "--method l2rw does not run on Spark workers (its micro-batches depend "
                + "on each other or on the meta set's shards); expected one of [mwnet, cmwnet, ce, focal]");
        assertOneLineError(CliRunner.run(smallTrain(data, out, "--spark-master", "local[2]", "--workers", "2",
                "--accumulate", "4")), "train", "--accumulate 4 and --workers 2: on Spark each worker computes one "
                + "micro-batch; give --workers alone");
        assertThat(out).as("nothing half-written").doesNotExist();
    }

    @Test
    void withoutSparkOnTheClassPathTheRunIsRefusedInOneLine() {
        SparkOptions spark = new SparkOptions();
        spark.master = "local[2]";
        assertThatThrownBy(() -> spark.check(new TrainOptions(), "org.apache.spark.NotThere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--spark-master needs Apache Spark on the class path, and it is not there: start mwnet "
                        + "with its launcher (./mwnet, which adds mwnet-examples/target/spark-lib after a build) or "
                        + "through spark-submit");
    }
}
