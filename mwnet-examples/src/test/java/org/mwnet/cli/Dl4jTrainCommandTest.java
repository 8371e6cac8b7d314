package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code train --dl4j-model}: a DL4J configuration trained by mwnet leaves {@code model-dl4j.zip}, which DL4J loads
 * and which a second run trains on from; flags that choose another network, and bad files, are one line.
 */
class Dl4jTrainCommandTest {
    @TempDir
    Path tmp;

    /** A small CNN for 28x28 grey images, 10 classes: conv 5x5 (4, ReLU), 2x2 average pooling, softmax. */
    private Path configuration() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(new Sgd(0.1)).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
        return Files.writeString(tmp.resolve("cnn.json"), conf.toJson());
    }

    private List<String> train(Path data, Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--data-dir", data.toString(), "--meta-size", "100",
                "--epochs", "1", "--batch", "50", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void trainsADl4jConfigurationAndLeavesAModelDl4jLoads() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path conf = configuration();
        Path run = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run(train(data, run, "--dl4j-model", conf.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path zip = run.resolve("model-dl4j.zip");
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        assertThat(net.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 784)).shape())
                .containsExactly(3, 10);
        assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"network\" : \"dl4j\"");

        // eval rebuilds the DL4J network from the checkpoint and measures what the run measured last
        CliRunner.Result eval = CliRunner.run("eval", run.resolve("checkpoint.zip").toString(), "--data-dir",
                data.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        double finalAcc = org.mwnet.io.Json.MAPPER.readTree(run.resolve("metrics.json").toFile())
                .get("final_test_acc").asDouble();
        assertThat(eval.out()).contains("mwnet DL4J network after 1 epochs, test accuracy "
                + String.format(java.util.Locale.ROOT, "%.2f%%", finalAcc));
        CliRunner.Result otherNetwork = CliRunner.run(train(data, run, "--resume"));
        assertOneLineError(otherNetwork, "train", run.resolve("checkpoint.zip") + " was written by a run of a DL4J "
                + "network, and this run trains model mlp; resume with the same network");

        Path again = tmp.resolve("again");
        CliRunner.Result fromZip = CliRunner.run(train(data, again, "--dl4j-model", zip.toString()));
        assertThat(fromZip.exitCode()).as(fromZip.err()).isZero();
        assertThat(again.resolve("model-dl4j.zip")).exists();
    }

    @Test
    void refusesOtherNetworkFlagsAndBadFilesInOneLine() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path conf = configuration();
        Path out = tmp.resolve("refused");
        assertOneLineError(CliRunner.run(train(data, out, "--dl4j-model", conf.toString(), "--model", "lenet")),
                "train", "--dl4j-model gives the network; --model cannot be used with it");
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{ not json");
        assertOneLineError(CliRunner.run(train(data, out, "--dl4j-model", bad.toString())), "train")
                .startsWith("--dl4j-model " + bad + ": expected a DL4J MultiLayerConfiguration in JSON");
        Path other = Files.writeString(tmp.resolve("other.json"), Files.readString(conf).replace("28", "32"));
        assertOneLineError(CliRunner.run(train(data, out, "--dl4j-model", other.toString())), "train")
                .startsWith("--dl4j-model " + other + ": the DL4J configuration takes samples [1, 32, 32]");
        assertThat(out).doesNotExist();
    }
}
