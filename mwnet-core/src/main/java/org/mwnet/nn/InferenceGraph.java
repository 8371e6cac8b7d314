package org.mwnet.nn;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classifier's forward pass in evaluation mode (running BatchNorm statistics), for any batch size. */
public final class InferenceGraph {
    private static final String IMAGES = "images";
    private final Network net;
    private final SameDiff sd;
    private final String logits;

    /**
     * @param net the classifier
     * @param dataType FLOAT or DOUBLE
     */
    public InferenceGraph(Network net, DataType dataType) {
        this.net = net;
        this.sd = SameDiff.create();
        Map<String, SDVariable> params = GraphInputs.placeholders(sd, net.params(), dataType);
        SDVariable x = sd.placeHolder(IMAGES, dataType, net.batchShape(-1));
        this.logits = net.forward(new Scope(sd, params::get, Mode.EVAL, dataType), x, -1).output().name();
    }

    /**
     * @param params the classifier's parameters and buffers
     * @param images [b, C, H, W]
     * @return logits [b, K]
     */
    public INDArray logits(Parameters params, INDArray images) {
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, net.params(), params);
        feed.put(IMAGES, images);
        INDArray out = GraphMemory.output(sd, feed, logits).get(logits);
        return out;
    }
}
