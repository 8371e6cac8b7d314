package org.mwnet.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwnet.nn.Checks;
import org.mwnet.nn.InferenceGraph;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's {@code output()} in inference mode against mwnet's inference graph on the same weights and inputs, in both
 * directions (DL4J weights read into mwnet, mwnet weights written into DL4J, and through a model zip), in double to
 * 1e-10 and in float to 1e-5 relative; and deliberate layout faults that must break the equality.
 */
class Dl4jInferenceTest {
    private static final int N = 6;

    static Stream<Arguments> cases() {
        return Stream.of(DataType.DOUBLE, DataType.FLOAT).flatMap(t -> Stream.of(
                Arguments.of(Dl4jConfigs.mlp(t), t), Arguments.of(Dl4jConfigs.lenet(t), t),
                Arguments.of(Dl4jConfigs.batchNormCnn(t), t)));
    }

    private static double tolerance(DataType t) {
        return t == DataType.DOUBLE ? 1e-10 : 1e-5;
    }

    /** mwnet's class probabilities: the softmax of its inference graph's logits. */
    private static INDArray mwnetProbabilities(Dl4jNetwork model, Parameters params, INDArray images) {
        INDArray logits = new InferenceGraph(model.network(), params.dataType()).logits(params, images);
        return Transforms.softmax(logits.castTo(DataType.DOUBLE), false);
    }

    private static void assertSameOutputs(Dl4jConfigs.Case c, MultiLayerNetwork dl4j, Dl4jNetwork model,
                                          Parameters params, DataType t) {
        INDArray images = Dl4jConfigs.samples(c, N, t, 3);
        INDArray expected = dl4j.output(Dl4jConfigs.dl4jInput(c, images), false).castTo(DataType.DOUBLE);
        INDArray actual = mwnetProbabilities(model, params, images);
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(Checks.relativeError(expected, actual)).as("%s in %s", c, t).isLessThan(tolerance(t));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void dl4jWeightsReadIntoMwnetGiveDl4jsOutputs(Dl4jConfigs.Case c, DataType t) {
        MultiLayerNetwork dl4j = Dl4jConfigs.network(c);
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        assertSameOutputs(c, dl4j, model, model.parameters(dl4j, t), t);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void mwnetWeightsWrittenToDl4jAndThroughAModelZipGiveMwnetsOutputs(Dl4jConfigs.Case c, DataType t,
                                                                       @TempDir Path dir) throws Exception {
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        // mwnet's own initialisation, with BatchNorm buffers away from their starting ones and zeros
        Parameters params = model.parameters(Dl4jConfigs.network(c), t);
        Parameters own = model.network().init(5, t);
        for (String name : own.trainableNames()) {
            params.get(name).assign(own.get(name));
        }
        MultiLayerNetwork exported = model.toMultiLayerNetwork(params);
        assertSameOutputs(c, exported, model, params, t);

        File zip = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(exported, zip, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(zip, false);
        assertSameOutputs(c, restored, model, params, t);
        assertThat(Checks.relativeError(model.parameters(restored, t).get("layer0.weight"),
                params.get("layer0.weight"))).isZero();
    }

    /** A fault applied to correctly read parameters. */
    private static void assertFaultDetected(Dl4jConfigs.Case c, String param, Function<INDArray, INDArray> fault) {
        DataType t = DataType.DOUBLE;
        MultiLayerNetwork dl4j = Dl4jConfigs.network(c);
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        Parameters params = model.parameters(dl4j, t);
        INDArray w = params.get(param);
        INDArray faulty = fault.apply(w).dup('c');
        assertThat(faulty.shape()).isEqualTo(w.shape());
        w.assign(faulty);
        assertThatThrownBy(() -> assertSameOutputs(c, dl4j, model, params, t)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aTransposedDenseWeightFails() {
        // the MLP's second dense layer is 8 x 8, so its transpose fits the shape and only the layout is wrong
        assertFaultDetected(Dl4jConfigs.mlp(DataType.DOUBLE), "layer1.weight", INDArray::transpose);
    }

    @Test
    void swappedKernelAxesFail() {
        Dl4jConfigs.Case lenet = Dl4jConfigs.lenet(DataType.DOUBLE);
        assertFaultDetected(lenet, "layer0.weight", w -> w.permute(1, 0, 2, 3));        // kH and kW
        Dl4jConfigs.Case bn = Dl4jConfigs.batchNormCnn(DataType.DOUBLE);
        assertFaultDetected(bn, "layer0.weight", w -> w.permute(1, 0, 2, 3));
    }

    @Test
    void aKernelWrittenInMwnetsLayoutWithoutConversionFails() {
        Dl4jConfigs.Case c = Dl4jConfigs.lenet(DataType.DOUBLE);
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        Parameters params = model.parameters(Dl4jConfigs.network(c), DataType.DOUBLE);
        MultiLayerNetwork exported = model.toMultiLayerNetwork(params);
        INDArray dl4jW = exported.getLayer(2).getParam(DefaultParamInitializer.WEIGHT_KEY);
        dl4jW.assign(params.get("layer2.weight").dup('c').reshape(dl4jW.shape()));   // [kH, kW, in, out] values as is
        assertThatThrownBy(() -> assertSameOutputs(c, exported, model, params, DataType.DOUBLE))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void layerNamesFollowDl4jsIndices() {
        Dl4jConfigs.Case c = Dl4jConfigs.batchNormCnn(DataType.DOUBLE);
        Dl4jNetwork model = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType());
        assertThat(model.network().params().stream().map(p -> p.name()).toList()).isEqualTo(List.of(
                "layer0.weight", "layer1.weight", "layer1.bias", "layer1.running_mean", "layer1.running_var",
                "layer3.weight", "layer3.bias", "layer4.weight", "layer4.bias", "layer4.running_mean",
                "layer4.running_var", "layer6.weight", "layer6.bias"));
        assertThat(model.network().numClasses()).isEqualTo(3);
    }
}
