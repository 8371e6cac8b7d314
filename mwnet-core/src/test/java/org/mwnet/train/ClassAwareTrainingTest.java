package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwnet.train.TinyRuns.tinyConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.NoiseType;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.WeightDiagnostics;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.meta.WeightFunction;
import org.mwnet.meta.WeightNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CMW-Net (method cmwnet) and the warm-up epochs on the tiny runs ({@link TinyRuns}) with 40% flip noise: the
 * families come from the noisy labels and are recorded, each sample is weighted by its family's head, a resumed run
 * ends bit for bit as an uninterrupted one, the warm-up epochs are method ce's, and a V file of another kind is
 * refused naming both kinds.
 */
class ClassAwareTrainingTest {
    private static FashionSlice flip;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        flip = FashionSlice.of(1500, 500, TinyRuns.splits().withNoise(NoiseType.FLIP, 0.4));
    }

    private static TrainedModel train(TrainConfig config) throws Exception {
        return new Trainer(config).train(flip.splits, flip.test, flip.summary);
    }

    @Test
    void eachSampleIsWeightedByItsNoisyLabelsFamilysHead() throws Exception {
        TrainedModel model = train(tinyConfig("cmwnet").build());
        ClassFamilies families = model.vnet().families();
        int[] observed = flip.splits.train().labels();
        assertThat(families).isEqualTo(ClassFamilies.ofLabels(observed, 10, 3));
        List<WeightDiagnostics.FamilyCurve> curves = model.metrics().weights().familyCurves();
        assertThat(curves).extracting(WeightDiagnostics.FamilyCurve::classes)
                .containsExactly(families.classes(0), families.classes(1), families.classes(2));
        assertThat(model.metrics().weights().curveWeight()).as("no single curve for a class-aware V").isNull();

        List<SampleReport> rows = WeightReport.of(model, flip.splits.train());
        WeightFunction v = new WeightFunction(model.vnet(), DataType.FLOAT);
        int differentHeads = 0;
        for (int i = 0; i < 50; i++) {
            double loss = rows.get(i).loss();
            int family = families.of(observed[i]);
            assertThat(rows.get(i).weight()).isEqualTo(v.curve(model.theta(), new double[] {loss}, family)[0]);
            if (v.curve(model.theta(), new double[] {loss}, (family + 1) % 3)[0] != rows.get(i).weight()) {
                differentHeads++;
            }
        }
        assertThat(differentHeads).as("the heads learned different weights").isGreaterThan(40);
        assertThat(model.metrics().finalTestAcc()).as("beats chance (10%) by far").isGreaterThan(45);
    }

    @Test
    void aResumedRunEndsBitForBitAsAnUninterruptedOneAndItsCheckpointRecordsTheFamilies() throws Exception {
        TrainConfig config = tinyConfig("cmwnet").build();
        ResumeAfterCrash.assertEndsAsUninterrupted(config, flip, dir);
        ClassFamilies expected = ClassFamilies.ofLabels(flip.splits.train().labels(), 10, 3);
        assertThat(Checkpoint.read(dir.resolve("whole.zip")).families()).isEqualTo(expected);
        assertThat(Checkpoint.read(dir.resolve("resumed.zip")).families()).isEqualTo(expected);
    }

    @Test
    void theWarmUpEpochsAreMethodCesAndLeaveVWhereItStarted() throws Exception {
        TrainConfig cmwnet = tinyConfig("cmwnet").warmupEpochs(2).build();
        Path warm = dir.resolve("warm.zip");
        assertThatThrownBy(() -> new Trainer(cmwnet).withCheckpoint(warm, false).withListener(new CrashAfterEpoch(2))
                .train(flip.splits, flip.test, flip.summary)).hasMessage(CrashAfterEpoch.MESSAGE);
        Path ce = dir.resolve("ce.zip");
        assertThatThrownBy(() -> new Trainer(tinyConfig("ce").build()).withCheckpoint(ce, false)
                .withListener(new CrashAfterEpoch(2)).train(flip.splits, flip.test, flip.summary))
                .hasMessage(CrashAfterEpoch.MESSAGE);
        Identical.assertIdentical(group(ce, "classifier/"), group(warm, "classifier/"));
        Map<String, INDArray> theta = group(warm, "theta/");
        Map<String, INDArray> initial = new TreeMap<>();
        cmwnet.weightNet(flip.splits.train()).init(cmwnet.weightNetSeed(), DataType.FLOAT).asMap()
                .forEach((name, a) -> initial.put("theta/" + name, a));
        Identical.assertIdentical(initial, theta);

        RunMetrics whole = train(cmwnet).metrics();
        assertThat(whole.epochs()).extracting(EpochMetrics::metaLoss).as("meta-learning in the last epoch only")
                .satisfiesExactly(m -> assertThat(m).isNull(), m -> assertThat(m).isNull(),
                        m -> assertThat(m).isNotNull());
    }

    /** The arrays of one group of a checkpoint, e.g. the classifier's. */
    private static Map<String, INDArray> group(Path checkpoint, String prefix) throws Exception {
        Map<String, INDArray> arrays = new TreeMap<>();
        ArrayArchive.read(checkpoint, "checkpoint").arrays().forEach((name, a) -> {
            if (name.startsWith(prefix)) {
                arrays.put(name, a);
            }
        });
        assertThat(arrays).as("checkpoint group " + prefix).isNotEmpty();
        return arrays;
    }

    @Test
    void settingsThatDoNotFitTheMethodOrTheDataAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> tinyConfig("mwnet").families(3).build()).hasMessage("families 3 sets the class "
                + "families of a class-aware V (cmwnet); method mwnet has none");
        assertThatThrownBy(() -> tinyConfig("cmwnet").families(0).build())
                .hasMessage("families must be at least 1, got 0");
        assertThatThrownBy(() -> tinyConfig("ce").warmupEpochs(1).build()).hasMessage("warmup epochs 1 delays the "
                + "meta-learning of a method that learns V (mwnet or cmwnet); method ce has none");
        assertThatThrownBy(() -> tinyConfig("mwnet").warmupEpochs(3).build()).hasMessage("warmup epochs must be in "
                + "[0, 3) to leave at least one of the epochs 3 to meta-learning, got 3");
        assertThatThrownBy(() -> train(tinyConfig("cmwnet").families(11).build())).hasMessage("families 11 is more "
                + "than the data's 10 classes; give at most 10");
        assertThat(tinyConfig("cmwnet").build().families()).as("CMW-Net's default").isEqualTo(3);
        assertThat(tinyConfig("cmwnet").build().toBuilder().method(Method.MWNET).build().families()).isZero();
    }

    @Test
    void aVFileOfAnotherKindIsRefusedNamingBoth() throws Exception {
        ClassFamilies three = ClassFamilies.ofCounts(new int[] {5, 5, 50, 50, 500, 500, 5, 50, 500, 5}, 3);
        ClassFamilies two = ClassFamilies.ofCounts(new int[] {5, 5, 50, 50, 500, 500, 5, 50, 500, 5}, 2);
        WeightNet classAware = new WeightNet(100, three);
        Path file = dir.resolve("cmw.zip");
        WeightNetFile.write(file, classAware, classAware.init(1, DataType.FLOAT));
        Path plainFile = dir.resolve("mw.zip");
        WeightNetFile.write(plainFile, new WeightNet(100), new WeightNet(100).init(1, DataType.FLOAT));

        assertThat(WeightNetFile.read(file, new WeightNet(100, three), DataType.FLOAT).asMap())
                .containsOnlyKeys("vnet.fc1.weight", "vnet.fc1.bias", "vnet.fc2.weight", "vnet.fc2.bias");
        assertThatThrownBy(() -> WeightNetFile.read(file, new WeightNet(100), DataType.FLOAT)).hasMessage(file
                + " holds a class-aware V (cmwnet) of hidden size 100 with 3 family heads; this run's V is a plain V "
                + "of hidden size 100 (--v-hidden, --method and --families set it)");
        assertThatThrownBy(() -> WeightNetFile.read(plainFile, new WeightNet(100, three), DataType.FLOAT))
                .hasMessage(plainFile + " holds a plain V of hidden size 100; this run's V is a class-aware V "
                        + "(cmwnet) of hidden size 100 with 3 family heads (--v-hidden, --method and --families set "
                        + "it)");
        assertThatThrownBy(() -> WeightNetFile.read(file, new WeightNet(100, two), DataType.FLOAT))
                .hasMessageContaining("with 3 family heads; this run's V is a class-aware V (cmwnet) of hidden size "
                        + "100 with 2 family heads");
    }
}
