package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.mwnet.train.TinyRuns.tinyConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwnet.data.DataFormatException;
import org.mwnet.data.Dataset;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.Suspects;
import org.mwnet.io.Json;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Meta-Weight-Net and the baselines on slices of real Fashion-MNIST with 40% uniform noise. */
class TrainerTest {
    private static FashionSlice data;
    private static FashionSlice tiny;
    private static FashionSlice tinyValidated;
    private static FashionSlice tinyLessNoise;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        SplitConfig noisy = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4);
        data = FashionSlice.of(20000, 2000, noisy);
        tiny = TinyRuns.data();
        tinyValidated = TinyRuns.validated();
        tinyLessNoise = FashionSlice.of(1500, 500, TinyRuns.splits().withNoise(NoiseType.UNIFORM, 0.2));
    }

    private static TrainConfig.Builder small(String method) {
        return TrainConfig.defaults().toBuilder().method(method).epochs(3);
    }

    private static Map<String, INDArray> copy(Parameters p) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        p.asMap().forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    @Test
    void anInitialVIsRefusedForAMethodThatDoesNotLearnV() {
        Parameters theta = new WeightNet(100).init(3, DataType.FLOAT);
        for (String method : java.util.List.of("ce", "focal", "finetune", "l2rw")) {
            assertThatThrownBy(() -> new Trainer(new TrainConfig.Builder().method(method).build())
                    .withInitialWeightNet(theta)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an initial V needs a method that learns V (mwnet or cmwnet), not " + method);
        }
        new Trainer(TrainConfig.defaults()).withInitialWeightNet(theta);
    }

    @Test
    void mwnetGivesCorruptedSamplesLowerWeightsThanClean() throws Exception {
        TrainedModel model = new Trainer(small("mwnet").build()).train(data.splits, data.test, data.summary);
        RunMetrics r = model.metrics();
        assertThat(r.weights().meanWeightCorrupted()).isLessThan(r.weights().meanWeightClean());
        assertThat(r.weights().auc()).as("weights tell clean from corrupted").isGreaterThan(0.8);
        assertThat(r.epochs()).hasSize(3);
        assertThat(r.finalTestAcc()).as("far above chance on 2000 test images").isGreaterThan(60);
        assertThat(r.weights().curveWeight()).hasSize(101);

        // the suspects ranking (weights.csv, mwnet suspects): the lowest weights are mostly the corrupted samples
        Suspects suspects = Suspects.of(WeightReport.of(model, data.splits.train()), Suspects.Ranking.WEIGHT);
        double noiseRate = data.splits.train().noisyFraction();
        Suspects.Quality top = suspects.quality(100);
        assertThat(top.precision()).as("precision@100 at a noise rate of %.2f", noiseRate).isGreaterThan(0.9);
        Suspects.Quality atCount = suspects.quality(top.corruptedTotal());
        assertThat(atCount.precision()).as("precision at K = the number corrupted").isGreaterThan(noiseRate + 0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce", "focal", "l2rw"})
    void everyMethodLearnsFromNoisyLabels(String method) throws Exception {
        RunMetrics r = new Trainer(tinyConfig(method).build()).train(tiny.splits, tiny.test, tiny.summary).metrics();
        assertThat(r.epochs()).hasSize(3);
        assertThat(r.finalTestAcc()).as(method + " beats chance (10%) by far").isGreaterThan(45);
        assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        assertThat(r.weights()).isNull();
    }

    @Test
    void finetuneSelectsOnTheValidationSplitAtItsOwnLearningRate() throws Exception {
        RunMetrics r = new Trainer(tinyConfig("finetune").finetuneLrFactor(0.5).build())
                .train(tinyValidated.splits, tinyValidated.test, tinyValidated.summary).metrics();
        assertThat(r.selectionSet()).as("not the meta set it fine-tunes on").isEqualTo("validation");
        assertThat(r.finalTestAcc()).as("beats chance (10%) by far").isGreaterThan(45);
        // 3 epochs at lr 0.03 decay by 0.1 at epochs round(2) = 2 and round(2.5) = 3; fine-tuning at 0.5 x 0.03
        assertThat(r.epochs()).extracting(EpochMetrics::lr)
                .containsExactly(0.03, 0.03, 0.003, 0.015);
    }

    @Test
    void finetuneWithoutAValidationSplitIsRefused() {
        assertThatThrownBy(() -> new Trainer(tinyConfig("finetune").build()).train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation split");
    }

    @Test
    void resumedRunEndsBitForBitAsAnUninterruptedOne() throws Exception {
        TrainConfig cfg = tinyConfig("mwnet").build();
        Path wholeFile = dir.resolve("a.zip");
        TrainedModel whole = new Trainer(cfg).withCheckpoint(wholeFile, false)
                .train(tiny.splits, tiny.test, tiny.summary);

        Path ckpt = dir.resolve("b.zip");
        Trainer crashing = new Trainer(cfg).withCheckpoint(ckpt, true).withListener(new CrashAfterEpoch(2));
        assertThatThrownBy(() -> crashing.train(tiny.splits, tiny.test, tiny.summary)).hasMessage(CrashAfterEpoch.MESSAGE);
        assertThat(Checkpoint.read(ckpt).epochs()).as("crashed after writing epoch 2").isEqualTo(2);
        TrainedModel resumed = new Trainer(cfg).withCheckpoint(ckpt, true).train(tiny.splits, tiny.test, tiny.summary);

        Identical.assertIdentical(whole.classifier().asMap(), resumed.classifier().asMap());
        Identical.assertIdentical(whole.theta().asMap(), resumed.theta().asMap());
        Identical.assertIdentical(ArrayArchive.read(wholeFile, "checkpoint").arrays(),
                ArrayArchive.read(ckpt, "checkpoint").arrays());
        assertThat(resumed.metrics().epochs()).extracting(EpochMetrics::testAcc)
                .containsExactlyElementsOf(whole.metrics().epochs().stream().map(EpochMetrics::testAcc).toList());
    }

    @Test
    void checkpointOfAnotherConfigurationIsRefusedNamingTheSetting() throws Exception {
        Path ckpt = dir.resolve("c.zip");
        new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).lr(0.2).build()).withCheckpoint(ckpt, true)
                .train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was written by a run with other configuration: lr 0.03 there, 0.2 in this run; "
                        + "resume with the same configuration");
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, true)
                .train(tinyLessNoise.splits, tinyLessNoise.test, tinyLessNoise.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was written by a run with other data settings: noise rate 0.4 there, 0.2 in this "
                        + "run; resume with the same data settings");
    }

    /** The recommended cheaper step learns V as the exact one does (mwnetGivesCorruptedSamplesLowerWeightsThanClean). */
    @Test
    void aMetaStepEveryFiveIterationsStillGivesCorruptedSamplesLowerWeights() throws Exception {
        RunMetrics r = new Trainer(small("mwnet").metaInterval(5).build()).train(data.splits, data.test, data.summary)
                .metrics();
        assertThat(r.weights().meanWeightCorrupted()).isLessThan(r.weights().meanWeightClean());
        assertThat(r.weights().auc()).as("weights tell clean from corrupted").isGreaterThan(0.8);
        assertThat(r.config().metaInterval()).isEqualTo(5);
    }

    @Test
    void checkpointOfAnotherMetaStepIsRefusedNamingTheSetting() throws Exception {
        Path ckpt = dir.resolve("partial.zip");
        TrainConfig partial = tinyConfig("mwnet").epochs(1).metaLayers("last").metaInterval(3).build();
        TrainedModel model = new Trainer(partial).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test,
                tiny.summary);
        assertThat(model.metrics().config().metaLayers()).isEqualTo("last");
        assertThat(Checkpoint.read(ckpt).config()).isEqualTo(partial);
        assertThatThrownBy(() -> new Trainer(partial.toBuilder().metaLayers("all").build()).withCheckpoint(ckpt, true)
                .train(tiny.splits, tiny.test, tiny.summary))
                .hasMessage(ckpt + " was written by a run with other configuration: meta layers last there, all in "
                        + "this run; resume with the same configuration");
        assertThatThrownBy(() -> new Trainer(partial.toBuilder().metaInterval(1).build()).withCheckpoint(ckpt, true)
                .train(tiny.splits, tiny.test, tiny.summary))
                .hasMessage(ckpt + " was written by a run with other configuration: meta interval 3 there, 1 in "
                        + "this run; resume with the same configuration");
    }

    @Test
    void checkpointOfOtherDataWithTheSameSettingsIsRefused() throws Exception {
        Path ckpt = dir.resolve("f.zip");
        new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        SplitConfig same = TinyRuns.splits();
        FashionSlice fewer = FashionSlice.of(1400, 500, same);
        FashionSlice shifted = FashionSlice.of(1500, 1500, 500, same);
        assertThat(DataSettings.of(shifted.summary)).as("the settings cannot tell").isEqualTo(DataSettings.of(tiny.summary));
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, true)
                .train(fewer.splits, fewer.test, fewer.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was trained on other data (1300 training samples there, 1200 here); resume with "
                        + "the same data files");
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, true)
                .train(shifted.splits, shifted.test, shifted.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was trained on other data (different contents); resume with the same data files");
    }

    @Test
    void evaluationOnAnotherTestSetIsRefused() throws Exception {
        Path ckpt = dir.resolve("g.zip");
        new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        Checkpoint.Saved saved = Checkpoint.read(ckpt);
        saved.requireTestSet(tiny.test);
        assertThatThrownBy(() -> saved.requireTestSet(data.test)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was trained on other data (500 test images there, 2000 here in the test set); "
                        + "evaluate with the same fashion-mnist files");
        Dataset sameSize = data.test.subset(IntStream.range(1000, 1500).toArray());
        assertThatThrownBy(() -> saved.requireTestSet(sameSize)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was trained on other data (different contents in the test set); "
                        + "evaluate with the same fashion-mnist files");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3})
    void checkpointThatDoesNotSayWhichDataItUsedIsRefused(int format) throws Exception {
        Path ckpt = dir.resolve("new.zip");
        new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        ArrayArchive current = ArrayArchive.read(ckpt, "checkpoint");
        ObjectNode header = (ObjectNode) Json.MAPPER.readTree(current.header());
        header.put("format", format);
        ((ObjectNode) header.get("data")).remove("input");
        if (format < 3) {
            header.remove("fingerprint");
        }
        if (format == 0) {
            header.remove("format");
            header.remove("data");
        }
        Path old = dir.resolve("old.zip");
        new ArrayArchive("checkpoint", Json.MAPPER.writeValueAsString(header), current.arrays()).write(old);
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(old, true)
                .train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(old + ": written by an older mwnet (checkpoint format " + format + ") that did not "
                        + "record which data it was trained on and how it was read; train a new run");
    }

    @Test
    void importedWeightNetIsWhereTheFirstMetaStepStarts() throws Exception {
        TrainedModel first = new Trainer(tinyConfig("mwnet").epochs(1).build()).train(tiny.splits, tiny.test, tiny.summary);
        Path file = dir.resolve("v.zip");
        WeightNetFile.write(file, first.vnet(), first.theta());
        Parameters back = WeightNetFile.read(file, new WeightNet(100), DataType.FLOAT);
        Identical.assertIdentical(first.theta().asMap(), back.asMap());
        assertThatThrownBy(() -> WeightNetFile.read(file, new WeightNet(50), DataType.FLOAT))
                .hasMessage(file + " holds a plain V of hidden size 100; this run's V is a plain V of hidden size 50 "
                        + "(--v-hidden, --method and --families set it)");

        Map<String, INDArray> exported = copy(WeightNetFile.read(file, new WeightNet(100), DataType.FLOAT));
        Map<String, INDArray> atFirstStep = new LinkedHashMap<>();
        new Trainer(tinyConfig("mwnet").epochs(1).build()).withInitialWeightNet(back)
                .withMethodWrapper(method -> (state, train, meta, lr) -> {
                    if (atFirstStep.isEmpty()) {
                        atFirstStep.putAll(copy(state.theta()));
                    }
                    return method.iterate(state, train, meta, lr);
                }).train(tiny.splits, tiny.test, tiny.summary);
        Identical.assertIdentical(exported, atFirstStep);
        assertThat(exported.get("vnet.fc2.bias")).as("a trained V, not the fresh initialisation")
                .isNotEqualTo(new WeightNet(100).init(tinyConfig("mwnet").build().seed() + 1, DataType.FLOAT)
                        .get("vnet.fc2.bias"));
    }

    @Test
    void aDivergingLearningRateStopsTheRunWithoutACheckpoint() {
        Path ckpt = dir.resolve("d.zip");
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).lr(1e8).build()).withCheckpoint(ckpt, false)
                .train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(TrainingDivergedException.class).hasMessageStartingWith("training diverged: ")
                .hasMessageContaining("at epoch 1, iteration ").hasMessageContaining("try a smaller learning rate");
        assertThat(ckpt).doesNotExist();
    }

    @Test
    void aNonFiniteStateAfterTheLastStepOfAnEpochKeepsTheLastGoodCheckpoint() throws Exception {
        Path ckpt = dir.resolve("e.zip");
        Path afterEpoch1 = dir.resolve("after-epoch-1.zip");
        AtomicInteger calls = new AtomicInteger();
        Trainer trainer = new Trainer(tinyConfig("mwnet").build()).withCheckpoint(ckpt, false)
                .withListener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochMetrics m) {
                        try {
                            Files.copy(ckpt, afterEpoch1, StandardCopyOption.REPLACE_EXISTING);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                })
                .withMethodWrapper(method -> (state, train, meta, lr) -> {
                    StepStats s = method.iterate(state, train, meta, lr);
                    if (calls.incrementAndGet() == 2 * TinyRuns.ITERATIONS_PER_EPOCH) {
                        state.classifier().get("fc1.weight").putScalar(0, Float.POSITIVE_INFINITY);
                    }
                    return s;
                });
        assertThatThrownBy(() -> trainer.train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("classifier/fc1.weight is not finite at the end of epoch 2");
        assertThat(calls.get()).as("the corrupted step was the last of epoch 2")
                .isEqualTo(2 * TinyRuns.ITERATIONS_PER_EPOCH);
        assertThat(Files.mismatch(ckpt, afterEpoch1)).as("checkpoint still epoch 1's").isEqualTo(-1L);
        assertThat(Checkpoint.read(ckpt).epochs()).isEqualTo(1);
    }

    @Test
    void aNonFiniteMetaLossStopsTheRun() {
        assertThatThrownBy(() -> new Trainer(tinyConfig("mwnet").epochs(1).build())
                .withMethodWrapper(method -> (state, train, meta, lr) -> {
                    StepStats s = method.iterate(state, train, meta, lr);
                    return state.iteration == 4 ? StepStats.withMetaStep(s.trainLoss(), Double.NaN) : s;
                }).train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("the meta loss is NaN at epoch 1, iteration 5");
    }
}
