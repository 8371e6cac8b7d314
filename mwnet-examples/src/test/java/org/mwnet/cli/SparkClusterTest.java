package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.CliRunner.smallTrain;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.TestData;
import org.mwnet.train.ArrayArchive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train} on a cluster of JVMs on this machine: Spark's {@code local-cluster[2,1,768]} master starts a standalone
 * master and two workers inside the driver's JVM, and each worker starts its executor as a JVM of its own from
 * {@code SPARK_HOME}, so parameters, shards and results cross JVMs serialized, as on a real cluster. The executors see
 * a stand-in {@code nvidia-smi} listing a GPU on their {@code PATH}; the driver sees only what its own {@code PATH}
 * lists (nothing, or a host's real GPU, never the stand-in).
 */
class SparkClusterTest {
    /** The executors' stand-in nvidia-smi's line: a supported compute capability, a name no real device has. */
    private static final String GPU = "mwnet stand-in GPU, 8.9, 24564";

    @TempDir
    Path tmp;


    @Test
    void twoExecutorJvmsWriteTheCheckpointOfTheRunWithTwoMicroBatchesAndEachChoosesItsOwnBackend() throws Exception {
        Path data = smallData();
        Path single = tmp.resolve("single");
        CliRunner.Result one = CliRunner.run(smallTrain(data, single, "--accumulate", "2").toArray(String[]::new));
        assertThat(one.exitCode()).as(one.err()).isZero();
        Path cluster = tmp.resolve("cluster");
        Run run = onCluster(smallTrain(data, cluster, "--spark-master", "local-cluster[2,1,768]", "--workers", "2"));
        assertThat(run.exitCode()).as(run.log()).isZero();
        Map<String, INDArray> expected = ArrayArchive.read(single.resolve("checkpoint.zip"), "checkpoint").arrays();
        Map<String, INDArray> actual = ArrayArchive.read(cluster.resolve("checkpoint.zip"), "checkpoint").arrays();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, e) -> assertThat(actual.get(name).data().asDouble()).as(name)
                .containsExactly(e.data().asDouble()));
        List<String> lines = run.log().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("mwnet: backend ")).singleElement().asString()
                .doesNotContain("stand-in GPU");
        // each executor chose from its own nvidia-smi: the device, and no CUDA backend in this (CPU) build; and it runs
        // the driver's --threads 1, not the 2 threads of the environment it inherits
        for (String executor : List.of("0", "1")) {
            assertThat(lines).filteredOn(l -> l.startsWith("mwnet: executor " + executor + " on ")).singleElement()
                    .asString().contains(": backend ", "found mwnet stand-in GPU (", ", 1 thread(s)");
        }
    }

    @Test
    void anExecutorThatCannotGetTheBackendRequestedEndsTheRunInOneLine() throws Exception {
        Path data = smallData();
        Path out = tmp.resolve("cluster");
        // the driver takes the CPU (auto, no device), the executors are asked for CUDA, which this build lacks
        List<String> args = smallTrain(data, out, "--spark-master", "local-cluster[1,1,768]", "--workers", "2");
        Run run = onCluster(args, "-Dspark.mwnet.backend=cuda");
        assertOneLineError(run.result(args), "train").startsWith("executor 0 on ")
                .contains(" cannot use its backend: cannot use CUDA: ");
    }

    @Test
    void aStandaloneMasterNobodyListensOnEndsTheRunInOneLine() throws Exception {
        Path data = smallData();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.run(smallTrain(data, tmp.resolve("run"), "--spark-master",
                "spark://127.0.0.1:" + port, "--workers", "2").toArray(String[]::new));
        assertOneLineError(r, "train", "--spark-master spark://127.0.0.1:" + port + ": no Spark master listens at "
                + "127.0.0.1:" + port + " (Connection refused): start one (spark-class "
                + "org.apache.spark.deploy.master.Master) or correct the URL");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        assertThat(tmp.resolve("run")).as("nothing half-written").doesNotExist();
    }

    @Test
    void aMasterUrlSparkCannotStartWithEndsInOneLine() throws Exception {
        Path data = smallData();
        Map<String, String> expected = Map.of(
                "garbage", "Spark did not start: Could not parse Master URL: 'garbage'",
                "local[0]", "Spark did not start: Asked to run locally with 0 threads",
                "yarn", "YARN is reached through spark-submit, which adds Spark's YARN support: spark-submit --master "
                        + "yarn --class org.mwnet.cli.Main <mwnet-examples jar> train ... --spark-master yarn "
                        + "(mwnet-examples/docs/spark.md); ./mwnet itself starts local[N] and spark://host:port");
        for (var master : expected.entrySet()) {
            List<String> args = smallTrain(data, tmp.resolve("run"), "--spark-master", master.getKey(), "--workers",
                    "2");
            Run run = finished(driver(List.of(), Map.of(), args));
            assertOneLineError(run.result(args), "train", "--spark-master " + master.getKey() + ": "
                    + master.getValue());
        }
    }

    @Test
    void theScratchOfARunKilledWithSigkillGoesAtTheNextRunsStart() throws Exception {
        Path data = smallData();
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path scratch = javaTmp.resolve("mwnet-spark-" + System.getProperty("user.name"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + javaTmp);
        List<String> longRun = smallTrain(data, tmp.resolve("killed"), "--spark-master", "local[2]", "--workers", "2");
        longRun.set(longRun.indexOf("--epochs") + 1, "50");
        Process killed = driver(jvm, Map.of(), longRun);
        while (killed.isAlive() && !holdsBlockManager(scratch)) {
            killed.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertThat(killed.isAlive()).as("the run is training").isTrue();
        killed.destroyForcibly().waitFor();
        assertThat(holdsBlockManager(scratch)).as("Spark's folders, left by the kill").isTrue();

        Run next = finished(driver(jvm, Map.of(), smallTrain(data, tmp.resolve("next"), "--spark-master", "local[2]",
                "--workers", "2")));
        assertThat(next.exitCode()).as(next.log()).isZero();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the scratch root after the next run")
                    .containsExactly(".lock");
        }
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(scratch.getFileName().toString());
        }
    }

    /** @return whether a run's folder under the scratch root holds Spark's block manager folder */
    private static boolean holdsBlockManager(Path scratch) throws Exception {
        if (!Files.isDirectory(scratch)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(scratch, 2)) {
            return all.anyMatch(p -> p.getFileName().toString().startsWith("blockmgr-"));
        } catch (java.io.UncheckedIOException e) {
            return false; // a folder went while it was listed
        }
    }

    /** @return 300 training images (4 iterations of 50 after the meta set's 100) and 100 test images, as IDX */
    private Path smallData() throws Exception {
        Path data = tmp.resolve("data");
        TestData.writeIdxDataset(data.resolve("fashion-mnist"), 300, 100, 10, 5);
        return data;
    }

    /** What a driver in a JVM of its own did. */
    private record Run(int exitCode, String log) {
        /**
         * @param args the tool's arguments
         * @return the run as the tool's result: its log, without the line that reports the backend, as standard error
         */
        CliRunner.Result result(List<String> args) {
            return new CliRunner.Result(args, exitCode, "", log).withoutBackendReport();
        }
    }

    /**
     * Runs the tool as a Spark driver in a JVM of its own, whose workers start executors from a SPARK_HOME whose
     * jars directory is empty: the executors take Spark, mwnet and the rest from the driver's class path
     * (spark.executor.extraClassPath, which the driver sets).
     */
    private Run onCluster(List<String> args, String... properties) throws Exception {
        Path sparkHome = Files.createDirectories(tmp.resolve("spark-home").resolve("jars")).getParent();
        Path smi = Files.createDirectories(tmp.resolve("gpu-bin")).resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\necho '" + GPU + "'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> jvm = new ArrayList<>(List.of(
                "-Dspark.executorEnv.PATH=" + smi.getParent() + File.pathSeparator + System.getenv("PATH"),
                // what Spark's scripts set for a worker (load-spark-env.sh): its launcher needs it to find
                // SPARK_HOME/jars
                "-Dspark.executorEnv.SPARK_SCALA_VERSION=2.12", "-Dspark.executor.memory=512m"));
        jvm.addAll(List.of(properties));
        Process p = driver(jvm, Map.of("SPARK_HOME", sparkHome.toString(), "OMP_NUM_THREADS", "2"), args);
        return finished(p);
    }

    /**
     * Starts the tool as a Spark driver in a JVM of its own, on loopback: the driver, master, workers and executors
     * bind to 127.0.0.1 (and Spark does not warn that the host name resolves to a loopback address).
     *
     * @param properties JVM options besides the {@code --add-opens} that Spark needs
     * @param env environment variables besides {@code SPARK_LOCAL_IP}
     * @param args the tool's arguments
     * @return the running driver, writing to {@code driver.log}
     */
    private Process driver(List<String> properties, Map<String, String> env, List<String> args) throws Exception {
        List<String> jvm = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList());
        jvm.addAll(properties);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        return ChildJvm.start(tmp.resolve("driver.log"), jvm, environment, args.toArray(String[]::new));
    }

    /** @return what the driver did, once it ended (within 120 s) */
    private Run finished(Process p) throws Exception {
        Path log = tmp.resolve("driver.log");
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the driver did not end within 120 s:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(p.exitValue(), output);
    }
}
