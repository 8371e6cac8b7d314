package org.mwnet.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Checks;
import org.mwnet.nn.Parameters;
import org.mwnet.train.Batch;
import org.mwnet.train.Iteration;
import org.mwnet.train.Methods;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainingState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One iteration of mwnet's {@code ce} (momentum 0, weight decay 0: plain SGD) from a DL4J network's initial weights
 * against DL4J's own {@code fit} with its {@code Sgd} updater on the same batch, in double: every trainable parameter
 * to 1e-10 relative, and BatchNorm's running means (both move them by 0.1 of the batch mean). The running variances
 * differ by design: mwnet averages the unbiased batch variance (PyTorch), DL4J the biased one. The MLP's
 * DropoutLayer keeps every unit here: mwnet reads it as the identity, and DL4J's training would drop units.
 */
class Dl4jTrainingStepTest {
    private static final int N = 8;

    static Stream<Dl4jConfigs.Case> cases() {
        return Stream.of(Dl4jConfigs.mlp(DataType.DOUBLE, 1.0), Dl4jConfigs.lenet(DataType.DOUBLE),
                Dl4jConfigs.batchNormCnn(DataType.DOUBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneCeIterationEqualsDl4jsSgdFit(Dl4jConfigs.Case c) {
        DataType t = DataType.DOUBLE;
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        MultiLayerNetwork dl4j = Dl4jConfigs.network(c);
        Parameters before = model.parameters(dl4j, t);
        INDArray images = Dl4jConfigs.samples(c, N, t, 21);
        INDArray labels = Checks.oneHot(N, model.network().numClasses(), 22);

        dl4j.fit(new DataSet(Dl4jConfigs.dl4jInput(c, images), labels));
        Parameters afterDl4j = model.parameters(dl4j, t);

        TrainConfig config = TrainConfig.defaults().toBuilder().method("ce").batch(N).momentum(0).weightDecay(0)
                .precision("double").build();
        TrainingState state = TrainingState.initial(config, model.network(), null, 0, t);
        state.classifier().load(before.asMap(), "the DL4J network's initial weights");
        Iteration ce = Methods.create(config, model.network(), new WeightNet(WeightNet.DEFAULT_HIDDEN), t);
        ce.iterate(state, List.of(new Batch(images, labels, IntStream.range(0, N).toArray())), List::of,
                Dl4jConfigs.LR);
        Parameters afterMwnet = state.classifier();

        for (String name : afterMwnet.names()) {
            if (name.endsWith(".running_var")) {
                continue;
            }
            if (name.endsWith(".weight")) {     // (a bias before BatchNorm has no gradient)
                assertThat(Checks.relativeError(before.get(name), afterDl4j.get(name))).as("%s moved", name)
                        .isGreaterThan(1e-6);
            }
            assertThat(Checks.relativeError(afterDl4j.get(name), afterMwnet.get(name))).as("%s of %s", name, c)
                    .isLessThan(1e-10);
        }
    }
}
