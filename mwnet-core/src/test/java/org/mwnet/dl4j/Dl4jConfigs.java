package org.mwnet.dl4j;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small DL4J networks the tests read: an MLP, a LeNet-like CNN and a CNN with BatchNorm, each covering several of
 * the layers and settings mwnet reads, with plain SGD as their updater.
 */
final class Dl4jConfigs {
    /** The SGD learning rate of every configuration. */
    static final double LR = 0.1;

    /** A test network: its configuration and the input type it was built for. */
    record Case(String name, MultiLayerConfiguration conf, InputType inputType) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Dl4jConfigs() {
    }

    private static NeuralNetConfiguration.ListBuilder base(DataType dataType) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(dataType).updater(new Sgd(LR))
                .weightInit(WeightInit.XAVIER).biasInit(0.1).list();
    }

    private static OutputLayer output(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                .build();
    }

    /**
     * @param dataType the network's type
     * @return 12 -> dense 8 (ReLU inside) -> dense 8, ReLU layer -> dropout (retain 0.5) -> softmax 3; feed-forward
     *     input
     */
    static Case mlp(DataType dataType) {
        return mlp(dataType, 0.5);
    }

    /**
     * @param dataType the network's type
     * @param retain the dropout layer's probability of keeping a unit (1 for none dropped in DL4J's training)
     * @return the MLP of {@link #mlp(DataType)}
     */
    static Case mlp(DataType dataType, double retain) {
        InputType in = InputType.feedForward(12);
        MultiLayerConfiguration conf = base(dataType)
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(retain).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(in).build();
        return new Case("mlp", conf, in);
    }

    /**
     * @param dataType the network's type
     * @return 1x12x12 (flat input) -> conv 5x5 (4, ReLU) -> avg pool -> conv 3x3 pad 1 (6) -> ReLU -> avg pool ->
     *     dense 10 (ReLU) -> softmax 3
     */
    static Case lenet(DataType dataType) {
        InputType in = InputType.convolutionalFlat(12, 12, 1);
        MultiLayerConfiguration conf = base(dataType)
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.RELU).build())
                .layer(avgPool())
                .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(6).activation(Activation.IDENTITY)
                        .build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(avgPool())
                .layer(new DenseLayer.Builder().nOut(10).activation(Activation.RELU).build())
                .layer(output(3))
                .setInputType(in).build();
        return new Case("lenet", conf, in);
    }

    /**
     * @param dataType the network's type
     * @return 2x8x8 -> conv 3x3 Same, no bias (4) -> BatchNorm (log10 std) -> ReLU -> conv 3x3 stride 2 pad 1 (5)
     *     -> BatchNorm (variance) -> ReLU -> global avg pool -> softmax 3
     */
    static Case batchNormCnn(DataType dataType) {
        InputType in = InputType.convolutional(8, 8, 2);
        MultiLayerConfiguration conf = base(dataType)
                .layer(new ConvolutionLayer.Builder(3, 3).convolutionMode(ConvolutionMode.Same).hasBias(false).nOut(4)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1).nOut(5)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().useLogStd(false).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(output(3))
                .setInputType(in).build();
        return new Case("bn-cnn", conf, in);
    }

    private static SubsamplingLayer avgPool() {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build();
    }

    /**
     * An initialised DL4J network whose BatchNorm scales, shifts and running statistics are generic values (not
     * DL4J's ones and zeros), so that every one of them matters to the output.
     *
     * @param c the configuration
     * @return the network
     */
    static MultiLayerNetwork network(Case c) {
        MultiLayerNetwork net = new MultiLayerNetwork(c.conf().clone());
        net.init();
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof BatchNormalization b) {
                var layer = net.getLayer(i);
                fill(layer.getParam(BatchNormalizationParamInitializer.GAMMA), rng, 0.5, 1.5);
                fill(layer.getParam(BatchNormalizationParamInitializer.BETA), rng, -0.5, 0.5);
                fill(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN), rng, -0.3, 0.3);
                if (b.isUseLogStd()) {
                    fill(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD), rng, -0.4, 0.2);
                } else {
                    fill(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR), rng, 0.2, 2.0);
                }
            }
        }
        return net;
    }

    private static void fill(INDArray a, SplittableRandom rng, double lo, double hi) {
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, lo + (hi - lo) * rng.nextDouble());
        }
    }

    /**
     * @param c the configuration
     * @param n samples
     * @param dataType their type
     * @param seed the seed
     * @return standard normal samples [n, C, H, W] as mwnet takes them
     */
    static INDArray samples(Case c, int n, DataType dataType, long seed) {
        long[] s = Dl4jNetworks.fromConfiguration(c.conf(), c.inputType()).network().batchShape(n);
        SplittableRandom rng = new SplittableRandom(seed);
        INDArray x = Nd4j.create(DataType.DOUBLE, s);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, rng.nextGaussian());
        }
        return x.castTo(dataType);
    }

    /**
     * @param c the configuration
     * @param images [n, C, H, W]
     * @return the same samples as DL4J takes them: rows for feed-forward and flat input, images otherwise
     */
    static INDArray dl4jInput(Case c, INDArray images) {
        return c.inputType().getType() == InputType.Type.CNN ? images : images.reshape(images.size(0), -1);
    }
}
