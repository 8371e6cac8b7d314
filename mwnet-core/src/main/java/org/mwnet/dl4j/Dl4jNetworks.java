package org.mwnet.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.mwnet.nn.Flatten;
import org.mwnet.nn.Layer;
import org.mwnet.nn.Network;
import org.mwnet.nn.Sequential;

/**
 * Builds mwnet networks from DL4J configurations ({@link Dl4jNetwork} holds the result and writes DL4J networks back).
 *
 * <p>Read: {@code DenseLayer}; {@code OutputLayer} with softmax and MCXENT or NEGATIVELOGLIKELIHOOD (mwnet's network
 * ends in its logits); {@code ConvolutionLayer} (square kernel, equal strides, Truncate with equal padding, or Same
 * where DL4J's padding is the same on all sides); {@code SubsamplingLayer} AVG 2x2 with stride 2 (mwnet has no VJP
 * for MAX pooling, so it is refused); {@code BatchNormalization} on convolutional input; {@code ActivationLayer} and
 * layers' own activations, RELU or IDENTITY; {@code GlobalPoolingLayer} AVG; {@code DropoutLayer}, as the identity
 * (mwnet trains without dropout, so neither the meta step nor the update drops units; DL4J's inference skips it too).
 * Input types: {@code feedForward(n)} (samples [1, 1, n], as mwnet reads tables), {@code convolutional(h, w, c)} and
 * {@code convolutionalFlat(h, w, c)} (samples [c, h, w]), NCHW. Anything else, and settings mwnet would not apply
 * (L1/L2, dropout inside a layer, weight noise, constraints, gradient normalisation, BatchNorm other than eps 1e-5
 * and decay 0.9), is refused in one line naming the layer. DL4J's weight initialisation is not read: mwnet
 * initialises as PyTorch does, or starts from a DL4J network's values ({@link Dl4jNetwork#parameters}). A
 * {@code ComputationGraphConfiguration} is not read.
 */
public final class Dl4jNetworks {
    private Dl4jNetworks() {
    }

    /**
     * @param conf a DL4J configuration, built with the input type given here
     * @param inputType feed-forward, convolutional or convolutional-flat
     * @return the network read
     * @throws IllegalArgumentException naming the layer and what mwnet supports, when it cannot be read
     */
    public static Dl4jNetwork fromConfiguration(MultiLayerConfiguration conf, InputType inputType) {
        Translation.requireSupportedTypes(conf);
        return build(conf, inputType, sampleShape(inputType));
    }

    /** The network for an input type, taking samples of a shape ([C, H, W] flattened for feed-forward input). */
    private static Dl4jNetwork build(MultiLayerConfiguration conf, InputType inputType, long[] sampleShape) {
        Translation.requireSupportedTypes(conf);
        try {
            conf.getLayerActivationTypes(inputType);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the DL4J configuration does not take input " + inputType + ": "
                    + firstLine(e));
        }
        boolean flat = inputType.getType() == InputType.Type.FF;
        long size = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        Translation t = new Translation(conf, flat ? new long[] {size} : sampleShape);
        int classes = t.translateAll();
        List<Layer> layers = new ArrayList<>();
        if (flat) {
            layers.add(new Flatten());
        }
        layers.addAll(t.layers());
        return new Dl4jNetwork(conf, inputType, new Network("dl4j", sampleShape, classes, new Sequential(layers)),
                t.bindings());
    }

    /**
     * Reads a configuration for data of a sample shape, the input type following from the first layer: convolutional
     * flat when DL4J reshapes flat input to images there, convolutional for a convolutional first layer, and
     * feed-forward ([C*H*W] values, mwnet's network flattening the samples) otherwise.
     *
     * @param conf a DL4J configuration
     * @param sampleShape the data's sample shape [C, H, W]
     * @return the network read
     * @throws IllegalArgumentException when the configuration cannot be read, or disagrees with the shape
     */
    public static Dl4jNetwork fromConfiguration(MultiLayerConfiguration conf, long[] sampleShape) {
        Translation.requireSupportedTypes(conf);
        return build(conf, inputType(conf, sampleShape), sampleShape.clone());
    }

    /**
     * Reads a DL4J configuration (JSON, as {@code MultiLayerConfiguration.toJson} writes) or model zip (as
     * {@code ModelSerializer} writes; its configuration only).
     *
     * @param file a {@code .json} or {@code .zip} file
     * @param sampleShape the data's sample shape [C, H, W]
     * @return the network read
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, when it holds no DL4J configuration or one mwnet cannot read
     */
    public static Dl4jNetwork read(Path file, long[] sampleShape) throws IOException {
        MultiLayerConfiguration conf = file.getFileName().toString().endsWith(".zip")
                ? Dl4jFiles.restore(file).getLayerWiseConfigurations() : configuration(file);
        try {
            return fromConfiguration(conf, sampleShape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static MultiLayerConfiguration configuration(Path json) throws IOException {
        String text = Files.readString(json);
        try {
            return MultiLayerConfiguration.fromJson(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(json + ": expected a DL4J MultiLayerConfiguration in JSON, as "
                    + "MultiLayerConfiguration.toJson writes it (" + firstLine(e) + ")");
        }
    }

    /**
     * @param conf a DL4J configuration
     * @param sampleShape the data's sample shape [C, H, W]
     * @return the input type the configuration takes for such samples
     * @throws IllegalArgumentException when the configuration's input reshape disagrees with the shape
     */
    public static InputType inputType(MultiLayerConfiguration conf, long[] sampleShape) {
        if (sampleShape.length != 3) {
            throw new IllegalArgumentException("expected a sample shape [C, H, W], got "
                    + Arrays.toString(sampleShape));
        }
        long c = sampleShape[0];
        long h = sampleShape[1];
        long w = sampleShape[2];
        Object pre = conf.getInputPreProcess(0);
        Object first = conf.getConf(0).getLayer();
        long[] expected = null;
        InputType type;
        if (pre instanceof FeedForwardToCnnPreProcessor f) {
            expected = new long[] {f.getNumChannels(), f.getInputHeight(), f.getInputWidth()};
            type = InputType.convolutionalFlat(h, w, c);
        } else if (pre instanceof CnnToFeedForwardPreProcessor f) {
            expected = new long[] {f.getNumChannels(), f.getInputHeight(), f.getInputWidth()};
            type = InputType.convolutional(h, w, c);
        } else if (first instanceof ConvolutionLayer || first instanceof SubsamplingLayer
                || first instanceof BatchNormalization || first instanceof GlobalPoolingLayer) {
            type = InputType.convolutional(h, w, c);
        } else {
            type = InputType.feedForward(c * h * w);
        }
        if (expected != null && !Arrays.equals(expected, sampleShape)) {
            throw new IllegalArgumentException("the DL4J configuration takes samples " + Arrays.toString(expected)
                    + " [C, H, W], the data has " + Arrays.toString(sampleShape));
        }
        return type;
    }

    /** mwnet's sample shape for an input type: [C, H, W] for images, [1, 1, n] for feed-forward rows. */
    private static long[] sampleShape(InputType type) {
        if (type instanceof InputType.InputTypeFeedForward f) {
            return new long[] {1, 1, f.getSize()};
        }
        if (type instanceof InputType.InputTypeConvolutional c
                && c.getFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NCHW) {
            return new long[] {c.getChannels(), c.getHeight(), c.getWidth()};
        }
        if (type instanceof InputType.InputTypeConvolutionalFlat c) {
            return new long[] {c.getDepth(), c.getHeight(), c.getWidth()};
        }
        throw new IllegalArgumentException("input type " + type + " is not supported; expected feedForward, "
                + "convolutional (NCHW) or convolutionalFlat");
    }

    /**
     * @param e what DL4J threw
     * @return the first line of its root cause's message, without the exception class names DL4J writes into its
     *     wrapped messages
     */
    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replaceAll("\\b([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ", "").strip();
    }
}
