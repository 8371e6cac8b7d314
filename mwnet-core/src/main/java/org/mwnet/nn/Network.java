package org.mwnet.nn;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A classifier: a named stack of layers from images of a fixed shape to K logits.
 *
 * @param name model name ({@code mlp}, {@code lenet}, {@code resnet32})
 * @param inputShape image shape [C, H, W]
 * @param numClasses K
 * @param body the layers
 */
public record Network(String name, long[] inputShape, int numClasses, Sequential body) {
    /** Checks that the layers fit the input shape and end in K logits. */
    public Network {
        long[] out = body.outputShape(inputShape);
        if (out.length != 1 || out[0] != numClasses) {
            throw new IllegalArgumentException(name + " ends in shape " + Arrays.toString(out) + ", expected ["
                    + numClasses + "]");
        }
    }

    /** @return every parameter and buffer */
    public List<ParamSpec> params() {
        return body.params();
    }

    /**
     * @param seed initialisation seed
     * @param dataType FLOAT or DOUBLE
     * @return freshly initialised parameters
     */
    public Parameters init(long seed, DataType dataType) {
        return Parameters.init(params(), seed, dataType);
    }

    /**
     * @param scope graph, parameter values and mode
     * @param images [batch, C, H, W]
     * @param batch the batch size (-1 when it varies; only forward passes then)
     * @return the trace whose output is the logits [batch, K]
     */
    public Trace forward(Scope scope, SDVariable images, long batch) {
        return body.forward(scope, images, batchShape(batch));
    }

    /** @return multiply-adds of one forward pass per sample */
    public long multiplyAddsPerSample() {
        return body.multiplyAdds(inputShape);
    }

    /** @return elements of the activations one sample produces in a forward pass, layer outputs summed */
    public long activationsPerSample() {
        return body.activations(inputShape);
    }

    /**
     * The top layers of this network from one of its top-level layers on: a network of its own whose input is the
     * output of the layers before (a partial look-ahead moves only these).
     *
     * @param first index of the first top-level layer kept, in [0, number of layers)
     * @return the network of layers {@code first..}, named {@code name[first:]}; this network itself for 0
     */
    public Network from(int first) {
        List<Layer> layers = body.layers();
        if (first < 0 || first >= layers.size()) {
            throw new IllegalArgumentException(name + " has top-level layers 0.." + (layers.size() - 1) + ", not "
                    + first);
        }
        return first == 0 ? this : new Network(name + "[" + first + ":]", before(first).outputShape(inputShape),
                numClasses, new Sequential(layers.subList(first, layers.size())));
    }

    /**
     * @param first index of a top-level layer
     * @return the top-level layers before it, in order (the part of the network {@link #from} leaves out)
     */
    public Sequential before(int first) {
        return new Sequential(body.layers().subList(0, first));
    }

    /** @param batch batch size @return the full input shape [batch, C, H, W] */
    public long[] batchShape(long batch) {
        return Sequential.withBatch(batch, inputShape);
    }
}
