package org.mwnet.meta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.GraphMemory;
import org.mwnet.nn.Mode;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.mwnet.nn.Sequential;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layers a partial look-ahead leaves where they are ({@link LookAheadLayers}): their forward pass, in training
 * mode, on the training batch and on the meta batch, in one forward-only graph. Their outputs do not depend on the
 * weighting, so the meta step takes them as inputs and SameDiff keeps nothing of these layers for its reverse pass.
 */
final class FixedLayers {
    private static final String IMAGES = "images";
    private static final String META_IMAGES = "meta_images";

    private final SameDiff sd = SameDiff.create();
    private final List<ParamSpec> params;
    private final String trainOutput;
    private final String metaOutput;

    /**
     * @param layers the layers below the first one the look-ahead moves
     * @param imageShape the images' shape [C, H, W]
     * @param batch training batch size
     * @param metaBatch meta batch size
     * @param dataType FLOAT or DOUBLE
     */
    FixedLayers(Sequential layers, long[] imageShape, int batch, int metaBatch, DataType dataType) {
        this.params = GraphInputs.trainable(layers.params());
        Map<String, SDVariable> w = GraphInputs.placeholders(sd, params, dataType);
        // each forward pass is a scope of its own, as in the whole meta graph: BatchNorm normalises each batch with
        // its own statistics
        this.trainOutput = forward(layers, w, imageShape, IMAGES, batch, dataType);
        this.metaOutput = forward(layers, w, imageShape, META_IMAGES, metaBatch, dataType);
    }

    private String forward(Sequential layers, Map<String, SDVariable> w, long[] imageShape, String input, int batch,
                           DataType dataType) {
        long[] shape = Sequential.withBatch(batch, imageShape);
        SDVariable x = sd.placeHolder(input, dataType, shape);
        Scope scope = new Scope(sd, w::get, Mode.TRAIN, dataType, Scope.Differentiated.NONE);
        return layers.forward(scope, x, shape).output().name();
    }

    /**
     * The fixed layers' outputs at the classifier's current parameters.
     *
     * @param classifier the classifier's parameters (those of the fixed layers are read)
     * @param images the training batch
     * @param metaImages the meta batch
     * @return the outputs on the training batch and on the meta batch, in that order
     */
    INDArray[] outputs(Parameters classifier, INDArray images, INDArray metaImages) {
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, params, classifier);
        feed.put(IMAGES, images);
        feed.put(META_IMAGES, metaImages);
        Map<String, INDArray> out = GraphMemory.output(sd, feed, trainOutput, metaOutput);
        return new INDArray[] {out.get(trainOutput), out.get(metaOutput)};
    }
}
