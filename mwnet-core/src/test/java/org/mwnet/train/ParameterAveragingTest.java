package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.io.Json;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameter averaging ({@link TrainConfig#syncEvery}) on a slice of real Fashion-MNIST: two workers end where the
 * independent {@link MicroBatchReference#parameterAveraging} ends; one worker, averaged with itself, is the run without
 * averaging bit for bit; with one iteration per window, SGD's parameter average is its gradient average and Adam's is
 * not; a resumed run continues exactly, and a checkpoint of another interval is refused.
 */
class ParameterAveragingTest {
    /** Agreement with computations that round their averages differently (in double). */
    private static final double TOLERANCE = 1e-12;
    private static FashionSlice small;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        small = FashionSlice.of(600, 100, SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withMetaSize(100)
                .withValidationSize(50));
    }

    /** MLP width 4 (no BatchNorm), batch 20 in two workers' micro-batches of 10 (22 iterations an epoch), double. */
    private static TrainConfig.Builder config(String method) {
        return TrainConfig.defaults().toBuilder().method(method).hidden(4).epochs(2).batch(20).metaBatch(30)
                .metaInterval(2).lr(0.05).precision("double").accumulate(2);
    }

    private static TrainedModel train(TrainConfig config) throws Exception {
        return new Trainer(config).train(small.splits, small.test, small.summary);
    }

    @Test
    void twoWorkersEndWhereTheReferenceComputationEnds() throws Exception {
        // 22 iterations an epoch: windows of 3, and a last one of 1 that the epoch's end closes
        TrainConfig config = config("mwnet").syncEvery(3).build();
        TrainedModel model = train(config);
        MicroBatchReference.Result reference = MicroBatchReference.parameterAveraging(config, small.splits.train(),
                small.splits.meta(), config.epochs());
        assertClose(reference.classifier().asMap(), model.classifier().asMap());
        assertClose(reference.theta().asMap(), model.theta().asMap());
        TrainedModel gradients = train(config.toBuilder().syncEvery(0).build());
        assertThat(gradients.classifier().get("fc3.bias").getDouble(0))
                .as("averaging parameters every 3 iterations is another algorithm than averaging gradients")
                .isNotCloseTo(model.classifier().get("fc3.bias").getDouble(0), Offset.offset(1e-6));
    }

    @Test
    void oneWorkerAveragedWithItselfIsTheRunWithoutAveragingBitForBit() throws Exception {
        TrainConfig config = config("mwnet").accumulate(1).syncEvery(3).precision("float").build();
        TrainedModel averaged = train(config);
        TrainedModel plain = train(config.toBuilder().syncEvery(0).build());
        Identical.assertIdentical(plain.classifier().asMap(), averaged.classifier().asMap());
        Identical.assertIdentical(plain.theta().asMap(), averaged.theta().asMap());
        assertThat(averaged.metrics().epochs()).extracting(EpochMetrics::trainLoss).containsExactlyElementsOf(
                plain.metrics().epochs().stream().map(EpochMetrics::trainLoss).toList());
    }

    @Test
    void withOneIterationPerWindowSgdAveragesParametersAsItAveragesGradientsAndAdamDoesNot() throws Exception {
        // SGD's step (momentum 0.9, weight decay 5e-4) is affine in the gradient, so the mean of the workers' steps
        // is the step with their mean gradient
        TrainConfig ce = config("ce").epochs(1).syncEvery(1).build();
        assertThat(ce.momentum()).isEqualTo(0.9);
        assertThat(ce.weightDecay()).isEqualTo(5e-4);
        assertClose(train(ce.toBuilder().syncEvery(0).build()).classifier().asMap(), train(ce).classifier().asMap());

        TrainConfig mwnet = config("mwnet").epochs(1).syncEvery(1).build();
        INDArray averaged = train(mwnet).theta().get("vnet.fc1.bias");
        INDArray gradients = train(mwnet.toBuilder().syncEvery(0).build()).theta().get("vnet.fc1.bias");
        assertThat(averaged.sub(gradients).amaxNumber().doubleValue())
                .as("Adam's mean second moment is not the square of the mean gradient").isGreaterThan(1e-6);
    }

    @Test
    void aResumedRunEndsBitForBitAsAnUninterruptedOne() throws Exception {
        TrainConfig config = config("mwnet").epochs(3).syncEvery(4).precision("float").build();
        ResumeAfterCrash.assertEndsAsUninterrupted(config, small, dir);
    }

    @Test
    void aCheckpointOfAnotherIntervalIsRefusedAndOneFromBeforeAveragesGradients() throws Exception {
        Path ckpt = dir.resolve("three.zip");
        TrainConfig three = config("ce").epochs(1).syncEvery(3).build();
        new Trainer(three).withCheckpoint(ckpt, false).train(small.splits, small.test, small.summary);
        TrainConfig two = three.toBuilder().syncEvery(2).build();
        assertThatThrownBy(() -> new Trainer(two).withCheckpoint(ckpt, true)
                .train(small.splits, small.test, small.summary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ckpt + " was written by a run with other configuration: sync every 3 there, 2 in this run; "
                        + "resume with the same configuration");

        ArrayArchive current = ArrayArchive.read(ckpt, "checkpoint");
        ObjectNode header = (ObjectNode) Json.MAPPER.readTree(current.header());
        ((ObjectNode) header.get("config")).remove("sync_every");
        Path old = dir.resolve("old.zip");
        new ArrayArchive("checkpoint", Json.MAPPER.writeValueAsString(header), current.arrays()).write(old);
        assertThat(Checkpoint.read(old).config()).isEqualTo(three.toBuilder().syncEvery(0).build());
    }

    @Test
    void badIntervalsAndMethodsWithoutIndependentWorkersAreRefused() {
        assertThatThrownBy(() -> config("mwnet").syncEvery(-1).build()).hasMessage("sync every must be at least 0 (0 "
                + "averages gradients instead of parameters), got -1");
        assertThatThrownBy(() -> config("l2rw").syncEvery(2).build())
                .hasMessage("sync every 2 does not train method l2rw: parameter averaging trains one of "
                        + "[mwnet, cmwnet, ce, focal]");
        assertThatThrownBy(() -> config("finetune").syncEvery(2).build())
                .hasMessage("sync every 2 does not train method finetune: parameter averaging trains one of [mwnet, "
                        + "cmwnet, ce, focal]");
    }

    /** Each array within {@link #TOLERANCE} of the expected one, relative to the expected array's largest value. */
    private static void assertClose(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, e) -> {
            double[] a = Nd4j.toFlattened(actual.get(name).castTo(DataType.DOUBLE)).toDoubleVector();
            double[] x = Nd4j.toFlattened(e.castTo(DataType.DOUBLE)).toDoubleVector();
            double scale = Math.max(1e-12, Nd4j.createFromArray(x).amaxNumber().doubleValue());
            for (int i = 0; i < x.length; i++) {
                assertThat(Math.abs(a[i] - x[i]) / scale).as("%s[%d]: %s against %s", name, i, a[i], x[i])
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        });
    }
}
