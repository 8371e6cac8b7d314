package org.mwnet.dl4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mwnet.nn.Network;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.mwnet.train.TrainedModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J network read into mwnet ({@link Dl4jNetworks}): the configuration it came from, its input type, the mwnet
 * {@link Network} that computes the same function (DL4J's softmax left to mwnet's cross-entropy: the network ends in
 * logits), and which mwnet parameter holds each DL4J parameter. Parameters cross in both directions by DL4J's
 * parameter keys ({@code getParam}/{@code setParam}), never by offsets into DL4J's flattened vector, each converted
 * to the other side's layout: dense weights are [nIn, nOut] on both sides; convolution weights are [out, in, kH, kW]
 * in DL4J and [kH, kW, in, out] in mwnet; BatchNorm's running variance is DL4J's {@code log10(std)} when the layer
 * uses it (DL4J's default) and the variance otherwise, epsilon (1e-5 on both sides) added at use.
 *
 * <p>Training keeps mwnet's conventions: BatchNorm's running variance averages the unbiased batch variance with
 * momentum 0.1 (PyTorch's; DL4J's decay 0.9 averages the biased one), so after training the exported running
 * variances are mwnet's; the trainable parameters follow the same gradients as DL4J's.
 */
public final class Dl4jNetwork {
    private final MultiLayerConfiguration configuration;
    private final InputType inputType;
    private final Network network;
    private final List<ParamBinding> bindings;

    Dl4jNetwork(MultiLayerConfiguration configuration, InputType inputType, Network network,
                List<ParamBinding> bindings) {
        this.configuration = configuration;
        this.inputType = inputType;
        this.network = network;
        this.bindings = List.copyOf(bindings);
    }

    /** @return the DL4J configuration (a copy) */
    public MultiLayerConfiguration configuration() {
        return configuration.clone();
    }

    /** @return the input type the network was read for */
    public InputType inputType() {
        return inputType;
    }

    /** @return the mwnet network: layer {@code i}'s parameters are named {@code layer<i>.weight} and so on */
    public Network network() {
        return network;
    }

    /**
     * The parameters of a DL4J network of this configuration, as mwnet parameters (e.g. to train from a DL4J
     * network's weights).
     *
     * @param net a network of this configuration
     * @param dataType the mwnet parameters' type
     * @return new mwnet parameters holding the network's values
     * @throws IllegalArgumentException when the network's parameters do not fit this configuration
     */
    public Parameters parameters(MultiLayerNetwork net, DataType dataType) {
        if (net.getnLayers() != configuration.getConfs().size()) {
            throw new IllegalArgumentException("the DL4J network has " + net.getnLayers() + " layers, its "
                    + "configuration " + configuration.getConfs().size());
        }
        Parameters params = network.init(0, dataType);
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (ParamBinding b : bindings) {
            INDArray dl4j = dl4jParam(net, b);
            long[] shape = params.get(b.name()).shape();
            if (dl4j.length() != params.get(b.name()).length()) {
                throw new IllegalArgumentException("DL4J layer " + b.layer() + " parameter " + b.key() + " has "
                        + dl4j.length() + " values; the configuration needs " + params.get(b.name()).length());
            }
            values.put(b.name(), b.layout().toMwnet(dl4j, shape).castTo(dataType));
        }
        params.load(values, "the DL4J network");
        return params;
    }

    /**
     * A DL4J network of this configuration holding mwnet parameters, in DL4J's layout; it trains on in DL4J with the
     * configuration's updater (fresh: mwnet's optimiser state is not carried over).
     *
     * @param params mwnet parameters of {@link #network()}
     * @return the initialised DL4J network with those values
     */
    public MultiLayerNetwork toMultiLayerNetwork(Parameters params) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration.clone());
        net.init();
        for (ParamBinding b : bindings) {
            INDArray target = dl4jParam(net, b);
            target.assign(b.layout().toDl4j(params.get(b.name()), target.shape()).castTo(target.dataType()));
        }
        return net;
    }

    /**
     * @param model a model trained on {@link #network()}
     * @return the DL4J network holding its trained parameters and BatchNorm running statistics
     * @throws IllegalArgumentException when the model was trained on another network
     */
    public MultiLayerNetwork toMultiLayerNetwork(TrainedModel model) {
        if (!sameParameters(model.network(), network)) {
            throw new IllegalArgumentException("the model was trained on network '" + model.network().name()
                    + "', not on this DL4J configuration's");
        }
        return toMultiLayerNetwork(model.classifier());
    }

    /**
     * Writes the trained model as a DL4J model zip ({@link ModelSerializer}, without updater state), which
     * {@code ModelSerializer.restoreMultiLayerNetwork} loads.
     *
     * @param model a model trained on {@link #network()}
     * @param file the zip to write
     * @throws IOException when it cannot be written
     */
    public void write(TrainedModel model, Path file) throws IOException {
        ModelSerializer.writeModel(toMultiLayerNetwork(model), file.toFile(), false);
    }

    /**
     * Writes the trained model as a DL4J model zip to a stream, as {@link #write(TrainedModel, Path)}.
     *
     * @param model a model trained on {@link #network()}
     * @param out where the zip goes (left open)
     * @throws IOException when it cannot be written
     */
    public void write(TrainedModel model, OutputStream out) throws IOException {
        ModelSerializer.writeModel(toMultiLayerNetwork(model), out, false);
    }

    /**
     * The parameters of a DL4J model zip of this configuration, as mwnet parameters (to train on from them).
     *
     * @param zip a model zip written by {@code ModelSerializer}
     * @param dataType the mwnet parameters' type
     * @return its parameters
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, when it holds no network or its weights do not fit
     */
    public Parameters parameters(Path zip, DataType dataType) throws IOException {
        MultiLayerNetwork net = Dl4jFiles.restore(zip);
        try {
            return parameters(net, dataType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(zip + ": " + e.getMessage(), e);
        }
    }

    /** Whether two networks declare the same parameters and buffers, by name and shape, in the same order. */
    private static boolean sameParameters(Network a, Network b) {
        List<ParamSpec> pa = a.params();
        List<ParamSpec> pb = b.params();
        return pa.size() == pb.size() && java.util.stream.IntStream.range(0, pa.size()).allMatch(i ->
                pa.get(i).name().equals(pb.get(i).name()) && Arrays.equals(pa.get(i).shape(), pb.get(i).shape()));
    }

    private static INDArray dl4jParam(MultiLayerNetwork net, ParamBinding b) {
        INDArray p = net.getLayer(b.layer()).getParam(b.key());
        if (p == null) {
            throw new IllegalArgumentException("DL4J layer " + b.layer() + " has no parameter '" + b.key() + "'");
        }
        return p;
    }
}
