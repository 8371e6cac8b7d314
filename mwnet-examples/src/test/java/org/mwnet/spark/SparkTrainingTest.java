package org.mwnet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.InputSettings;
import org.mwnet.data.NoiseType;
import org.mwnet.data.Normalization;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.nn.Parameters;
import org.mwnet.train.CrashAfterEpoch;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training on Spark workers in {@code local[2,2]} (two threads, a failed task retried once) against the
 * single-process run with {@code --accumulate P} on a tiny noisy MLP problem: the same parameters bit for bit, also
 * when a task fails once and when the driver resumes from its checkpoint; and so with parameter averaging
 * ({@code --sync-every}). One Spark context serves the whole class.
 */
class SparkTrainingTest {
    private static final int CLASSES = 4;
    private static JavaSparkContext spark;
    private static Splits splits;
    private static Dataset test;
    private static DatasetSummary summary;
    private static final AtomicInteger FAILED_TASKS = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("SparkTrainingTest")
                .set("spark.ui.enabled", "false"));
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() != Success$.MODULE$) {
                    FAILED_TASKS.incrementAndGet();
                }
            }
        });
        Dataset pool = blobs(400, 1);
        test = blobs(80, 2);
        SplitConfig split = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withMetaSize(40);
        splits = Splits.make(pool, split);
        summary = DatasetSummary.of(splits, test, split,
                InputSettings.ofDataset("blobs", pool, Normalization.fit(pool)));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Four classes of 1x4x4 images around class means, so the MLP learns something in a few iterations. */
    private static Dataset blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            for (int d = 0; d < 16; d++) {
                pixels[i * 16 + d] = (float) ((d % CLASSES == labels[i] ? 1 : 0) + 0.5 * rng.nextGaussian());
            }
        }
        return new Dataset("blobs", CLASSES, 1, 4, 4, pixels, labels, labels.clone());
    }

    private static TrainConfig config(String method, int workers) {
        return TrainConfig.defaults().toBuilder().method(method).hidden(8).epochs(2).batch(20).lr(0.05)
                .accumulate(workers).build();
    }

    private static TrainedModel single(TrainConfig config, Path checkpoint) throws Exception {
        Trainer t = new Trainer(config);
        if (checkpoint != null) {
            t.withCheckpoint(checkpoint, true);
        }
        return t.train(splits, test, summary);
    }

    private static TrainedModel onSpark(SparkTraining workers, TrainConfig config, Trainer trainer) throws Exception {
        return trainer.withMethods(workers.methods()).train(splits, test, summary);
    }

    private static TrainedModel onSpark(TrainConfig config) throws Exception {
        try (SparkTraining workers = SparkTraining.on(spark, false, config, splits)) {
            return onSpark(workers, config, new Trainer(config));
        }
    }

    @Test
    void oneAndTwoWorkersEndBitForBitWhereTheSingleProcessRunEnds() throws Exception {
        for (int workers = 1; workers <= 2; workers++) {
            TrainConfig config = config("mwnet", workers);
            TrainedModel expected = single(config, null);
            TrainedModel actual = onSpark(config);
            assertSameRun(expected, actual);
        }
        TrainedModel one = single(config("mwnet", 1), null);
        TrainedModel two = single(config("mwnet", 2), null);
        assertThat(one.classifier().get("fc3.bias").getDouble(0)).as("P matters, so the comparison can fail")
                .isNotEqualTo(two.classifier().get("fc3.bias").getDouble(0));
    }

    @Test
    void crossEntropyOnTwoWorkersEndsWhereTheSingleProcessRunEnds() throws Exception {
        TrainConfig config = config("ce", 2);
        assertIdentical(single(config, null).classifier().asMap(), onSpark(config).classifier().asMap());
    }

    /**
     * CMW-Net's families come from the whole training set's labels: a worker that counted its own shard's labels
     * (classes 0 and 2 only, on shard 0 of 2) would pick other heads, and the runs would differ.
     */
    @Test
    void classAwareVOnTwoWorkersEndsBitForBitWhereTheSingleProcessRunEnds() throws Exception {
        TrainConfig config = config("cmwnet", 2);
        assertSameRun(single(config, null), onSpark(config));
    }

    /** A frozen V (trained by a first run) weights the workers' samples as it does in one process. */
    @Test
    void aFrozenVOnTwoWorkersEndsBitForBitWhereTheSingleProcessRunEnds() throws Exception {
        Parameters learned = single(config("cmwnet", 1), null).theta();
        TrainConfig frozen = config("cmwnet", 2).toBuilder().freezeV(true).build();
        TrainedModel expected = new Trainer(frozen).withInitialWeightNet(learned).train(splits, test, summary);
        TrainedModel actual;
        try (SparkTraining workers = SparkTraining.on(spark, false, frozen, splits)) {
            actual = onSpark(workers, frozen, new Trainer(frozen).withInitialWeightNet(learned));
        }
        assertSameRun(expected, actual);
        assertIdentical(learned.asMap(), actual.theta().asMap());
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndChangesNothing() throws Exception {
        TrainConfig config = config("mwnet", 2);
        int failedBefore = FAILED_TASKS.get();
        TrainedModel actual;
        try (SparkTraining workers = SparkTraining.on(spark, false, config, splits)) {
            workers.failOnce(3, 1);
            actual = onSpark(workers, config, new Trainer(config));
        }
        assertThat(FAILED_TASKS.get() - failedBefore).as("phase 1 and phase 2 of iteration 3 on worker 1")
                .isEqualTo(2);
        TrainedModel expected = single(config, null);
        assertIdentical(expected.classifier().asMap(), actual.classifier().asMap());
        assertIdentical(expected.theta().asMap(), actual.theta().asMap());
    }

    @Test
    void aRunResumedFromTheDriversCheckpointEndsWhereAnUninterruptedOneEnds() throws Exception {
        TrainConfig config = config("mwnet", 2).toBuilder().epochs(3).build();
        TrainedModel resumed = resumedAfterACrash(config);
        TrainedModel whole = single(config, null);
        assertIdentical(whole.classifier().asMap(), resumed.classifier().asMap());
        assertIdentical(whole.theta().asMap(), resumed.theta().asMap());
        assertThat(resumed.metrics().epochs()).hasSize(3);
    }

    /** @return the run that resumed on Spark from the checkpoint of one that crashed after epoch 2 */
    private TrainedModel resumedAfterACrash(TrainConfig config) throws Exception {
        Path checkpoint = dir.resolve("checkpoint.zip");
        try (SparkTraining workers = SparkTraining.on(spark, false, config, splits)) {
            Trainer crashing = new Trainer(config).withCheckpoint(checkpoint, true).withListener(new CrashAfterEpoch(2));
            assertThatThrownBy(() -> onSpark(workers, config, crashing)).hasMessage(CrashAfterEpoch.MESSAGE);
        }
        try (SparkTraining workers = SparkTraining.on(spark, false, config, splits)) {
            return onSpark(workers, config, new Trainer(config).withCheckpoint(checkpoint, true));
        }
    }

    /** Windows of 4 in epochs of 18 iterations: four that end by themselves, and one of 2 that the epoch ends. */
    private static TrainConfig averaging(int epochs) {
        return config("mwnet", 2).toBuilder().epochs(epochs).syncEvery(4).build();
    }

    @Test
    void parameterAveragingOnTwoWorkersEndsBitForBitWhereTheSingleProcessRunEnds() throws Exception {
        TrainConfig config = averaging(2);
        TrainedModel expected = single(config, null);
        TrainedModel actual = onSpark(config);
        assertSameRun(expected, actual);
    }

    /** Asserts the same parameters and the same losses in every epoch, bit for bit. */
    private static void assertSameRun(TrainedModel expected, TrainedModel actual) {
        assertIdentical(expected.classifier().asMap(), actual.classifier().asMap());
        assertIdentical(expected.theta().asMap(), actual.theta().asMap());
        assertThat(actual.metrics().epochs()).extracting(EpochMetrics::trainLoss).containsExactlyElementsOf(
                expected.metrics().epochs().stream().map(EpochMetrics::trainLoss).toList());
        assertThat(actual.metrics().epochs()).extracting(EpochMetrics::metaLoss).containsExactlyElementsOf(
                expected.metrics().epochs().stream().map(EpochMetrics::metaLoss).toList());
    }

    @Test
    void aReplicaLostWithAFailedTaskIsReplayedFromItsWindowsStartAndChangesNothing() throws Exception {
        TrainConfig config = averaging(2);
        int failedBefore = FAILED_TASKS.get();
        TrainedModel actual;
        try (SparkTraining workers = SparkTraining.on(spark, false, config, splits)) {
            // iteration 5 is the second of the window that starts at 4: the retry rebuilds and replays both
            workers.failOnce(5, 1);
            actual = onSpark(workers, config, new Trainer(config));
        }
        assertThat(FAILED_TASKS.get() - failedBefore).as("worker 1's task of iteration 5").isEqualTo(1);
        TrainedModel expected = single(config, null);
        assertIdentical(expected.classifier().asMap(), actual.classifier().asMap());
        assertIdentical(expected.theta().asMap(), actual.theta().asMap());
    }

    @Test
    void aParameterAveragingRunResumedFromTheDriversCheckpointEndsWhereAnUninterruptedOneEnds() throws Exception {
        TrainConfig config = averaging(3);
        TrainedModel resumed = resumedAfterACrash(config);
        TrainedModel whole = single(config, null);
        assertIdentical(whole.classifier().asMap(), resumed.classifier().asMap());
        assertIdentical(whole.theta().asMap(), resumed.theta().asMap());
    }

    @Test
    void methodsWhoseMicroBatchesDependOnEachOtherAreRefused() {
        assertThatThrownBy(() -> SparkTraining.on(spark, false, config("l2rw", 2), splits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("method l2rw does not run on Spark workers; expected one of [mwnet, cmwnet, ce, focal]");
        assertThatThrownBy(() -> SparkTraining.on(spark, false, config("mwnet", 2).toBuilder().warmupEpochs(1)
                .build(), splits)).isInstanceOf(IllegalArgumentException.class).hasMessage("warm-up epochs do not run "
                + "on Spark workers, which build the method's graphs alone; train them in one process (--accumulate "
                + "gives the same micro-batches)");
    }

    private static void assertIdentical(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, e) -> assertThat(actual.get(name).data().asDouble()).as(name)
                .containsExactly(e.data().asDouble()));
    }
}
