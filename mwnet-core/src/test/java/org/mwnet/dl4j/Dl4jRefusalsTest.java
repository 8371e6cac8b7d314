package org.mwnet.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** What mwnet does not read ends in one line naming the layer and what is supported; so do bad files. */
class Dl4jRefusalsTest {
    private static final InputType IMAGE = InputType.convolutional(8, 8, 1);

    private static MultiLayerConfiguration conf(InputType in, NeuralNetConfiguration.Builder global, Layer... layers) {
        NeuralNetConfiguration.ListBuilder b = global.list();
        for (Layer l : layers) {
            b.layer(l);
        }
        return b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                .activation(Activation.SOFTMAX).build()).setInputType(in).build();
    }

    private static MultiLayerConfiguration conf(InputType in, Layer... layers) {
        return conf(in, new NeuralNetConfiguration.Builder().activation(Activation.RELU), layers);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(conf(IMAGE, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build()), "DL4J layer 0 (SubsamplingLayer): MAX pooling has no explicit VJP in mwnet"),
                Arguments.of(conf(InputType.recurrent(4), new LSTM.Builder().nOut(4).build()),
                        "DL4J layer 0 (LSTM): not supported; supported: DenseLayer, OutputLayer"),
                Arguments.of(conf(InputType.feedForward(4), new DenseLayer.Builder().nOut(4)
                        .activation(Activation.TANH).build()), "DL4J layer 0 (DenseLayer): activation tanh"),
                Arguments.of(conf(InputType.feedForward(4), new NeuralNetConfiguration.Builder()
                        .activation(Activation.RELU).l2(1e-4), new DenseLayer.Builder().nOut(4).build()),
                        "DL4J layer 0 (DenseLayer): L1/L2"),
                Arguments.of(conf(InputType.feedForward(4), new DenseLayer.Builder().nOut(4).dropOut(0.5).build()),
                        "DL4J layer 0 (DenseLayer): dropout inside a layer"),
                Arguments.of(conf(IMAGE, new ConvolutionLayer.Builder(2, 2).convolutionMode(ConvolutionMode.Same)
                        .nOut(2).build()), "DL4J layer 0 (ConvolutionLayer): Same mode pads 1 rows"),
                Arguments.of(conf(IMAGE, new ConvolutionLayer.Builder(3, 2).nOut(2).build()),
                        "DL4J layer 0 (ConvolutionLayer): mwnet's convolutions have square kernels"),
                Arguments.of(conf(InputType.feedForward(4), new NeuralNetConfiguration.Builder(),
                        new DenseLayer.Builder().nOut(4).build()), "DL4J layer 0 (DenseLayer): activation sigmoid"),
                Arguments.of(new NeuralNetConfiguration.Builder().list().layer(new OutputLayer.Builder(
                        LossFunctions.LossFunction.MSE).nOut(3).activation(Activation.SOFTMAX).build())
                        .setInputType(InputType.feedForward(4)).build(),
                        "DL4J layer 0 (OutputLayer): mwnet's output layer is softmax with MCXENT"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesInOneLineNamingTheLayer(MultiLayerConfiguration conf, String start) {
        InputType in = conf.getConf(0).getLayer() instanceof LSTM ? InputType.recurrent(4)
                : conf.getInputPreProcess(0) == null && !(conf.getConf(0).getLayer() instanceof DenseLayer)
                && !(conf.getConf(0).getLayer() instanceof OutputLayer) ? IMAGE : InputType.feedForward(4);
        assertThatThrownBy(() -> Dl4jNetworks.fromConfiguration(conf, in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(start)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aSampleShapeThatDisagreesWithTheConfigurationIsRefused() {
        Dl4jConfigs.Case lenet = Dl4jConfigs.lenet(DataType.DOUBLE);
        assertThatThrownBy(() -> Dl4jNetworks.fromConfiguration(lenet.conf(), new long[] {1, 28, 28}))
                .hasMessage("the DL4J configuration takes samples [1, 12, 12] [C, H, W], the data has [1, 28, 28]");
        Dl4jConfigs.Case mlp = Dl4jConfigs.mlp(DataType.DOUBLE);
        assertThatThrownBy(() -> Dl4jNetworks.fromConfiguration(mlp.conf(), new long[] {1, 4, 4}))
                .hasMessageStartingWith("DL4J layer 0 (DenseLayer): layer0 expects inputs of width 12");
        assertThatThrownBy(() -> Dl4jNetworks.fromConfiguration(mlp.conf(), InputType.recurrent(12)))
                .hasMessageStartingWith("input type InputTypeRecurrent");
        assertThat(Dl4jNetworks.fromConfiguration(mlp.conf(), new long[] {1, 3, 4}).network().inputShape())
                .containsExactly(1, 3, 4);
    }

    @Test
    void badFilesAreNamedInOneLine(@TempDir Path dir) throws Exception {
        long[] shape = {1, 12, 12};
        Path json = Files.writeString(dir.resolve("conf.json"), "{\"not\": \"a network\"");
        assertThatThrownBy(() -> Dl4jNetworks.read(json, shape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(json + ": expected a DL4J MultiLayerConfiguration in JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path zip = dir.resolve("empty.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("no network".getBytes());
        }
        assertThatThrownBy(() -> Dl4jNetworks.read(zip, shape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(zip + ": expected a MultiLayerNetwork zip written by ModelSerializer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aModelZipWhoseWeightsDoNotFitItsConfigurationIsOneLine(@TempDir Path dir) throws Exception {
        Path lenet = dir.resolve("lenet.zip");
        Path mlp = dir.resolve("mlp.zip");
        ModelSerializer.writeModel(Dl4jConfigs.network(Dl4jConfigs.lenet(DataType.DOUBLE)), lenet.toFile(), false);
        ModelSerializer.writeModel(Dl4jConfigs.network(Dl4jConfigs.mlp(DataType.DOUBLE)), mlp.toFile(), false);
        Path mixed = dir.resolve("mixed.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(mixed));
             var confs = new java.util.zip.ZipFile(lenet.toFile());
             var weights = new java.util.zip.ZipFile(mlp.toFile())) {
            for (var e : java.util.Collections.list(confs.entries())) {
                var from = e.getName().equals("coefficients.bin") ? weights : confs;
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                try (var in = from.getInputStream(from.getEntry(e.getName()))) {
                    in.transferTo(out);
                }
            }
        }
        assertThatThrownBy(() -> Dl4jNetworks.read(mixed, new long[] {1, 12, 12}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(mixed + ": expected a MultiLayerNetwork zip written by ModelSerializer, its "
                        + "configuration and matching weights")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readsConfigurationJsonAndModelZips(@TempDir Path dir) throws Exception {
        Dl4jConfigs.Case lenet = Dl4jConfigs.lenet(DataType.DOUBLE);
        long[] shape = {1, 12, 12};
        Path json = Files.writeString(dir.resolve("conf.json"), lenet.conf().toJson());
        assertThat(Dl4jNetworks.read(json, shape).network().params()).hasSize(8);
        MultiLayerNetwork net = Dl4jConfigs.network(lenet);
        Path zip = dir.resolve("model.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        assertThat(Dl4jNetworks.read(zip, shape).inputType()).isEqualTo(InputType.convolutionalFlat(12, 12, 1));
    }
}
