package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwnet.data.Batches;
import org.mwnet.data.Dataset;
import org.mwnet.data.NoiseType;
import org.mwnet.data.Shards;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.SyntheticImages;
import org.mwnet.io.Json;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.WeightNet;
import org.mwnet.meta.Weightings;
import org.mwnet.nn.Model;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training with P micro-batches per iteration ({@link TrainConfig#accumulate}) on slices of real Fashion-MNIST:
 * without micro-batches a run is the run mwnet made before they existed; with two it ends where the independent
 * {@link MicroBatchReference} ends, resumes exactly, and still learns from noisy labels.
 */
class MicroBatchTrainingTest {
    /**
     * Agreement with the fixture written before micro-batches existed, relative to each array's largest value. On the
     * machine that wrote it the agreement is exact (bit for bit); elsewhere other natives (AVX2, AVX-512, oneDNN) and
     * BLAS kernels round differently, which 1e-9 absorbs after these few dozen iterations, while another batch, meta
     * batch or update rule moves the parameters by 1e-3 or more.
     */
    private static final double FIXTURE_TOLERANCE = 1e-9;
    /** Agreement with the reference computation, which rounds its averages differently (both in double). */
    private static final double REFERENCE_TOLERANCE = 1e-12;
    private static FashionSlice small;
    private static FashionSlice tiny;
    private static FashionSlice tinyValidated;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        SplitConfig noisy = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4);
        small = FashionSlice.of(600, 100, noisy.withMetaSize(100).withValidationSize(50));
        tiny = TinyRuns.data();
        tinyValidated = TinyRuns.validated();
    }

    /** The double-precision runs of the fixture: MLP width 4, batch 20, meta batch 30, a meta step every 2. */
    private static TrainConfig.Builder smallConfig(String method) {
        return TrainConfig.defaults().toBuilder().method(method).hidden(4).epochs(2).batch(20).metaBatch(30)
                .metaInterval(2).lr(0.05).precision("double").finetuneEpochs(1);
    }

    /** The tiny run ({@link TinyRuns}) with two micro-batches per iteration. */
    private static TrainConfig.Builder twoMicroBatches(String method) {
        return TinyRuns.tinyConfig(method).accumulate(2);
    }

    private TrainedModel train(TrainConfig config, FashionSlice data) throws Exception {
        return new Trainer(config).train(data.splits, data.test, data.summary);
    }

    @Test
    void withoutMicroBatchesARunEndsWhereItEndedBeforeMicroBatchesExisted() throws Exception {
        Path file = Path.of(getClass().getResource("/micro-batches/before-micro-batches.zip").toURI());
        Map<String, INDArray> before = ArrayArchive.read(file, "fixture").arrays();
        Map<String, INDArray> now = new LinkedHashMap<>();
        for (String method : List.of("mwnet", "l2rw", "finetune")) {
            TrainConfig config = smallConfig(method).epochs(method.equals("finetune") ? 1 : 2).build();
            assertThat(config.accumulate()).as("the default").isEqualTo(1);
            TrainedModel model = train(config, small);
            model.classifier().asMap().forEach((name, v) -> now.put(method + "/classifier/" + name, v));
            if (model.theta() != null) {
                model.theta().asMap().forEach((name, v) -> now.put(method + "/theta/" + name, v));
            }
        }
        assertClose(before, now, FIXTURE_TOLERANCE);
    }

    @Test
    void twoMicroBatchesEndWhereTheReferenceComputationEnds() throws Exception {
        TrainConfig config = smallConfig("mwnet").accumulate(2).build();
        TrainedModel model = train(config, small);
        int iterations = config.epochs() * (small.splits.train().size() / 2 / config.microBatch());
        assertThat(iterations).as("450 samples in 2 shards of 225, micro-batches of 10").isEqualTo(2 * 22);
        MicroBatchReference.Result reference = MicroBatchReference.mwnet(config, small.splits.train(),
                small.splits.meta(), iterations);
        assertClose(reference.classifier().asMap(), model.classifier().asMap(), REFERENCE_TOLERANCE);
        assertClose(reference.theta().asMap(), model.theta().asMap(), REFERENCE_TOLERANCE);
        TrainedModel withoutSplit = train(config.toBuilder().accumulate(1).build(), small);
        assertThat(withoutSplit.classifier().get("fc3.bias").getDouble(0))
                .as("two look-aheads on halves are another algorithm than one on the whole batch")
                .isNotCloseTo(model.classifier().get("fc3.bias").getDouble(0),
                        org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theTrainersStreamsAreTheDocumentedOnes() {
        int size = 451;
        int parts = 3;
        Shards shards = new Shards(size, parts);
        for (int p = 0; p < parts; p++) {
            int[][] epoch = shards.epoch(p, 7, 5, 2);
            for (int j : new int[] {0, 9, epoch.length - 1}) {
                assertThat(epoch[j]).isEqualTo(MicroBatchReference.microBatch(size, parts, p, 7, 5, 2, j));
            }
            Batches.Cycle meta = new Batches.Cycle(100, 15, 5, p, parts);
            for (long k : new long[] {0, 5, 6, 13}) {
                assertThat(meta.at(k)).isEqualTo(MicroBatchReference.metaBatch(100, 15, 5, k, p, parts));
            }
        }
        assertThat(new Shards(size, 1).epoch(0, 7, 5, 2)[4])
                .isEqualTo(MicroBatchReference.microBatch(size, 1, 0, 7, 5, 2, 4));
        assertThat(new Batches.Cycle(100, 15, 5).at(8)).isEqualTo(MicroBatchReference.metaBatch(100, 15, 5, 8, 0, 1));
    }

    @Test
    void crossEntropyOverTwoMicroBatchesStepsAlongTheWholeBatchsGradient() {
        Dataset data = small.splits.train();
        TrainConfig config = smallConfig("ce").accumulate(2).momentum(0).weightDecay(0).build();
        Network net = Model.MLP.build(new long[] {1, 28, 28}, 10, config.hidden());
        TrainingState state = TrainingState.initial(config, net, null, 100, DataType.DOUBLE);
        Parameters start = state.classifier().copy();
        int[][] halves = {IntStream.range(0, 10).toArray(), IntStream.range(10, 20).toArray()};
        List<Batch> micro = List.of(new BatchLoader(data, 10, DataType.DOUBLE).load(halves[0]),
                new BatchLoader(data, 10, DataType.DOUBLE).load(halves[1]));
        Methods.create(config, net, new WeightNet(8), DataType.DOUBLE).iterate(state, micro, List::of, 0.05);

        Batch whole = new BatchLoader(data, 20, DataType.DOUBLE).load(IntStream.range(0, 20).toArray());
        ClassifierStepGraph.Result r = new ClassifierStepGraph(net, Weightings.uniform(), 20, DataType.DOUBLE)
                .run(start, null, whole.images(), whole.labels());
        Map<String, INDArray> expected = new LinkedHashMap<>();
        r.gradients().forEach((name, g) -> expected.put(name, start.get(name).sub(g.mul(0.05))));
        assertClose(expected, state.classifier().asMap(), REFERENCE_TOLERANCE);
    }

    @Test
    void batchNormBuffersEndAtTheMeanOfTheMicroBatchesOwnUpdates() {
        Network net = Models.resnet32(new long[] {3, 8, 8}, 4, 2);
        TrainConfig config = TrainConfig.defaults().toBuilder().model("resnet32").hidden(2).method("ce").batch(4)
                .accumulate(2).precision("double").build();
        Dataset data = SyntheticImages.gaussian(4, 4, 3, 8, 11);
        List<Batch> micro = List.of(new BatchLoader(data, 2, DataType.DOUBLE).load(new int[] {0, 1}),
                new BatchLoader(data, 2, DataType.DOUBLE).load(new int[] {2, 3}));
        TrainingState state = TrainingState.initial(config, net, null, 4, DataType.DOUBLE);
        Parameters start = state.classifier().copy();
        Methods.create(config, net, new WeightNet(8), DataType.DOUBLE).iterate(state, micro, List::of, 0.1);

        ClassifierStepGraph alone = new ClassifierStepGraph(net, Weightings.uniform(), 2, DataType.DOUBLE);
        Map<String, INDArray> mean = new LinkedHashMap<>();
        for (Batch b : micro) {
            TrainingState own = TrainingState.initial(config, net, null, 4, DataType.DOUBLE);
            own.classifier().load(start.asMap(), "start");
            ClassifierStepGraph.Result r = alone.run(own.classifier(), null, b.images(), b.labels());
            ClassifierUpdate.apply(own, r.gradients(), r.batchStatistics(), 0.1);
            r.batchStatistics().keySet().forEach(buffer -> mean.merge(buffer, own.classifier().get(buffer).div(2),
                    INDArray::add));
        }
        assertThat(mean).as("running mean and variance of 31 BatchNorm layers").hasSize(62);
        Map<String, INDArray> actual = new LinkedHashMap<>();
        mean.keySet().forEach(buffer -> actual.put(buffer, state.classifier().get(buffer)));
        assertClose(mean, actual, REFERENCE_TOLERANCE);
        assertThat(actual.get("bn1.running_mean").equalsWithEps(start.get("bn1.running_mean"), 1e-6))
                .as("the buffers moved").isFalse();
    }

    @Test
    void resumedRunWithMicroBatchesEndsBitForBitAsAnUninterruptedOne() throws Exception {
        // in float, as runs train; 15 meta batches of 100 are 6 a permutation, so the streams start new ones
        TrainConfig config = smallConfig("mwnet").epochs(3).accumulate(2).precision("float").build();
        ResumeAfterCrash.assertEndsAsUninterrupted(config, small, dir);
    }

    @Test
    void mwnetWithTwoMicroBatchesLearnsFromNoisyLabels() throws Exception {
        RunMetrics r = train(twoMicroBatches("mwnet").epochs(2).build(), tiny).metrics();
        assertThat(r.config().accumulate()).isEqualTo(2);
        // 40% of the 1300 training labels are wrong; the run without micro-batches reaches about 75% here
        assertThat(r.finalTestAcc()).as("beats chance (10%) by far on 500 test images").isGreaterThan(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce", "focal", "l2rw", "finetune"})
    void everyMethodLearnsWithTwoMicroBatches(String method) throws Exception {
        FashionSlice data = method.equals("finetune") ? tinyValidated : tiny;
        RunMetrics r = train(twoMicroBatches(method).epochs(2).build(), data).metrics();
        assertThat(r.finalTestAcc()).as(method + " beats chance (10%) by far").isGreaterThan(45);
        assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
    }

    @Test
    void aCheckpointOfAnotherMicroBatchCountIsRefusedAndOneFromBeforeMicroBatchesHasOne() throws Exception {
        Path ckpt = dir.resolve("two.zip");
        TrainConfig two = twoMicroBatches("ce").epochs(1).build();
        new Trainer(two).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        TrainConfig one = two.toBuilder().accumulate(1).build();
        assertThatThrownBy(() -> new Trainer(one).withCheckpoint(ckpt, true).train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was written by a run with other configuration: accumulate 2 there, 1 in this run; "
                        + "resume with the same configuration");

        Path written = dir.resolve("one.zip");
        new Trainer(one).withCheckpoint(written, false).train(tiny.splits, tiny.test, tiny.summary);
        ArrayArchive current = ArrayArchive.read(written, "checkpoint");
        ObjectNode header = (ObjectNode) Json.MAPPER.readTree(current.header());
        ((ObjectNode) header.get("config")).remove("accumulate");
        Path old = dir.resolve("old.zip");
        new ArrayArchive("checkpoint", Json.MAPPER.writeValueAsString(header), current.arrays()).write(old);
        assertThat(Checkpoint.read(old).config()).isEqualTo(one);
    }

    @Test
    void sizesThatDoNotSplitIntoEqualMicroBatchesAreRefused() {
        assertThatThrownBy(() -> twoMicroBatches("mwnet").accumulate(0).build())
                .hasMessage("accumulate must be at least 1, got 0");
        assertThatThrownBy(() -> twoMicroBatches("mwnet").batch(50).accumulate(3).build())
                .hasMessage("batch 50 does not split into accumulate 3 equal micro-batches; give a batch divisible "
                        + "by 3");
        assertThatThrownBy(() -> twoMicroBatches("mwnet").batch(60).metaBatch(50).accumulate(3).build())
                .hasMessage("meta batch 50 does not split into accumulate 3 equal micro-batches; give a meta batch "
                        + "divisible by 3");
        assertThatThrownBy(() -> train(twoMicroBatches("ce").batch(1302).metaBatch(50).build(), tiny))
                .hasMessage("training micro-batch size 651 must be between 1 and the smallest training shard's size 650 "
                        + "(1300 samples in 2 shards)");
    }

    /** Each array within {@code tolerance} of the expected one, relative to the expected array's largest value. */
    private static void assertClose(Map<String, INDArray> expected, Map<String, INDArray> actual, double tolerance) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, e) -> {
            double[] a = Nd4j.toFlattened(actual.get(name).castTo(DataType.DOUBLE)).toDoubleVector();
            double[] x = Nd4j.toFlattened(e.castTo(DataType.DOUBLE)).toDoubleVector();
            assertThat(a).as(name).hasSameSizeAs(x);
            double scale = Math.max(1e-12, Nd4j.createFromArray(x).amaxNumber().doubleValue());
            for (int i = 0; i < x.length; i++) {
                assertThat(Math.abs(a[i] - x[i]) / scale).as("%s[%d]: %s against %s", name, i, a[i], x[i])
                        .isLessThanOrEqualTo(tolerance);
            }
        });
    }
}
