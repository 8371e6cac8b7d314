package org.mwnet.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.InputSettings;
import org.mwnet.data.NoiseType;
import org.mwnet.data.Normalization;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.SyntheticImages;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.Trainer;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole loop on a DL4J network: MW-Net trains the CNN with BatchNorm read from its configuration, the trained
 * model is written as a DL4J model zip, and DL4J's {@link Evaluation} of the reloaded network on the test set gives
 * the run's final test accuracy; DL4J then trains on from it.
 */
class Dl4jTrainingRunTest {
    @Test
    void aDl4jNetworkTrainedByMwnetReloadsInDl4jWithTheRunsTestAccuracy(@TempDir Path dir) throws Exception {
        Dl4jConfigs.Case c = Dl4jConfigs.batchNormCnn(DataType.FLOAT);
        Dataset pool = SyntheticImages.gaussian(300, 3, 2, 8, 1);
        Dataset test = SyntheticImages.gaussian(120, 3, 2, 8, 2);
        SplitConfig split = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withMetaSize(30);
        Splits splits = Splits.make(pool, split);
        DatasetSummary summary = DatasetSummary.of(splits, test, split,
                InputSettings.ofDataset("synthetic", pool, Normalization.fit(pool)));
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), new long[] {2, 8, 8});
        TrainConfig config = TrainConfig.defaults().toBuilder().method("mwnet").epochs(2).batch(30).build();

        TrainedModel trained = new Trainer(config).withNetwork(model.network()).train(splits, test, summary);
        Path zip = dir.resolve("model-dl4j.zip");
        model.write(trained, zip);
        MultiLayerNetwork reloaded = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);

        int[] all = IntStream.range(0, test.size()).toArray();
        INDArray images = Nd4j.create(DataType.FLOAT, test.size(), 2, 8, 8);
        test.copyImages(all, images);
        INDArray labels = Nd4j.create(DataType.FLOAT, test.size(), 3);
        test.copyOneHot(all, labels);
        Evaluation evaluation = new Evaluation(3);
        evaluation.eval(labels, reloaded.output(images, false));
        assertThat(100 * evaluation.accuracy()).isCloseTo(trained.metrics().finalTestAcc(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trained.metrics().provenance()).containsEntry("network", "dl4j");
        // the BatchNorm running statistics travelled too: they moved away from DL4J's starting ones
        assertThat(reloaded.getLayer(4).getParam("var").minNumber().doubleValue()).isNotEqualTo(1.0);
        // and training goes on in DL4J, with the configuration's updater
        INDArray before = reloaded.params().dup();
        reloaded.fit(new org.nd4j.linalg.dataset.DataSet(images, labels));
        assertThat(reloaded.params().sub(before).amaxNumber().doubleValue()).isGreaterThan(0.0);
        assertThat(Double.isFinite(reloaded.score())).isTrue();
    }

    @Test
    void aNetworkForOtherSamplesIsRefused() {
        Dl4jConfigs.Case c = Dl4jConfigs.batchNormCnn(DataType.FLOAT);
        Dataset pool = SyntheticImages.gaussian(90, 3, 1, 8, 1);
        SplitConfig split = SplitConfig.defaults().withMetaSize(30);
        Splits splits = Splits.make(pool, split);
        DatasetSummary summary = DatasetSummary.of(splits, pool, split,
                InputSettings.ofDataset("synthetic", pool, Normalization.fit(pool)));
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        TrainConfig config = TrainConfig.defaults().toBuilder().method("ce").epochs(1).batch(30).build();
        assertThatThrownBy(() -> new Trainer(config).withNetwork(model.network()).train(splits, pool, summary))
                .hasMessage("network 'dl4j' takes samples [2, 8, 8] into 3 classes; the data has samples [1, 8, 8] "
                        + "in 3 classes");
    }
}
