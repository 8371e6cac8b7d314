package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.RunMetrics;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/** Meta-Weight-Net and the baselines on slices of real Fashion-MNIST with 40% uniform noise. */
class TrainerTest {
    private static FashionSlice data;
    private static FashionSlice tiny;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        SplitConfig noisy = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4);
        data = FashionSlice.of(20000, 2000, noisy);
        tiny = FashionSlice.of(1500, 500, noisy.withMetaSize(200));
    }

    private static TrainConfig.Builder small(String method) {
        return TrainConfig.defaults().toBuilder().method(method).epochs(3);
    }

    private static TrainConfig.Builder tinyConfig(String method) {
        return TrainConfig.defaults().toBuilder().method(method).hidden(32).epochs(3).batch(50).metaBatch(50).lr(0.03)
                .finetuneEpochs(1);
    }

    @Test
    void mwnetGivesCorruptedSamplesLowerWeightsThanClean() throws Exception {
        RunMetrics r = new Trainer(small("mwnet").build()).train(data.splits, data.test, data.summary).metrics();
        assertThat(r.weights().meanWeightCorrupted()).isLessThan(r.weights().meanWeightClean());
        assertThat(r.weights().auc()).as("weights tell clean from corrupted").isGreaterThan(0.8);
        assertThat(r.epochs()).hasSize(3);
        assertThat(r.finalTestAcc()).as("far above chance on 2000 test images").isGreaterThan(60);
        assertThat(r.weights().curveWeight()).hasSize(101);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce", "focal", "l2rw", "finetune"})
    void everyMethodLearnsFromNoisyLabels(String method) throws Exception {
        RunMetrics r = new Trainer(tinyConfig(method).build()).train(tiny.splits, tiny.test, tiny.summary).metrics();
        assertThat(r.epochs()).hasSize(method.equals("finetune") ? 4 : 3);
        assertThat(r.finalTestAcc()).as(method + " beats chance (10%) by far").isGreaterThan(45);
        assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        assertThat(r.weights()).isNull();
    }

    @Test
    void resumedRunEndsExactlyAsAnUninterruptedOne() throws Exception {
        TrainConfig cfg = tinyConfig("mwnet").build();
        TrainedModel whole = new Trainer(cfg).withCheckpoint(dir.resolve("a.zip"), false)
                .train(tiny.splits, tiny.test, tiny.summary);

        Path ckpt = dir.resolve("b.zip");
        Trainer crashing = new Trainer(cfg).withCheckpoint(ckpt, true).withListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                if (m.epoch() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        });
        assertThatThrownBy(() -> crashing.train(tiny.splits, tiny.test, tiny.summary)).hasMessage("simulated crash");
        TrainedModel resumed = new Trainer(cfg).withCheckpoint(ckpt, true).train(tiny.splits, tiny.test, tiny.summary);

        for (String name : whole.classifier().names()) {
            assertThat(resumed.classifier().get(name)).as(name).isEqualTo(whole.classifier().get(name));
        }
        for (String name : whole.theta().names()) {
            assertThat(resumed.theta().get(name)).as(name).isEqualTo(whole.theta().get(name));
        }
        assertThat(resumed.metrics().epochs()).extracting(EpochMetrics::testAcc)
                .containsExactlyElementsOf(whole.metrics().epochs().stream().map(EpochMetrics::testAcc).toList());
        assertThat(resumed.metrics().finalTestAcc()).isEqualTo(whole.metrics().finalTestAcc());
    }

    @Test
    void checkpointOfAnotherConfigurationIsRefused() throws Exception {
        Path ckpt = dir.resolve("c.zip");
        new Trainer(tinyConfig("ce").epochs(1).build()).withCheckpoint(ckpt, false).train(tiny.splits, tiny.test, tiny.summary);
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").epochs(1).lr(0.2).build()).withCheckpoint(ckpt, true)
                .train(tiny.splits, tiny.test, tiny.summary))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another configuration");
    }

    @Test
    void exportedWeightNetStartsAnotherRun() throws Exception {
        TrainedModel first = new Trainer(tinyConfig("mwnet").epochs(1).build()).train(tiny.splits, tiny.test, tiny.summary);
        Path file = dir.resolve("v.zip");
        WeightNetFile.write(file, first.vnet(), first.theta());
        Parameters back = WeightNetFile.read(file, new WeightNet(100), DataType.FLOAT);
        for (String name : back.names()) {
            assertThat(back.get(name)).isEqualTo(first.theta().get(name));
        }
        assertThatThrownBy(() -> WeightNetFile.read(file, new WeightNet(50), DataType.FLOAT))
                .hasMessageContaining("hidden size 100").hasMessageContaining("--v-hidden 100");
        TrainedModel second = new Trainer(tinyConfig("mwnet").epochs(1).metaInterval(1000).build())
                .withInitialWeightNet(back).train(tiny.splits, tiny.test, tiny.summary);
        // 30 iterations with a meta interval of 1000 make one meta step, and Adam's first step moves each element by
        // at most its learning rate (|m / sqrt(v)| = 1): the second run's V is the loaded one moved that little
        double metaLr = TrainConfig.defaults().metaLr();
        Parameters fresh = new WeightNet(100).init(TrainConfig.defaults().seed() + 1, DataType.FLOAT);
        assertThat(back.get("vnet.fc1.weight").sub(fresh.get("vnet.fc1.weight")).amaxNumber().doubleValue())
                .as("the loaded V is far from a fresh one").isGreaterThan(3 * metaLr);
        for (String name : back.names()) {
            assertThat(second.theta().get(name).sub(back.get(name)).amaxNumber().doubleValue())
                    .as("%s: one Adam step from the loaded V", name).isLessThanOrEqualTo(metaLr + 1e-6);
        }
    }
}
