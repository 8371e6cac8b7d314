package org.mwnet.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.GraphMemory;
import org.mwnet.nn.Mode;
import org.mwnet.nn.Network;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The classifier-update graph: the weighted cross-entropy gradient {@code sum_i c_i grad_w L_i(w)} with the
 * weighting's output held constant (for MW-Net, V with the freshly updated theta). Everything is a placeholder and
 * the gradient is the layers' explicit VJP, so one forward-only call gives all the classifier's gradients, the
 * losses, and BatchNorm's batch statistics. Nothing here is differentiated, so the layers use nd4j's fused gradient
 * ops where they have them ({@link Scope.Differentiated#NONE}).
 */
public final class ClassifierStepGraph {
    private static final String IMAGES = "images";
    private static final String LABELS = "labels";
    private static final String LOSSES = "train_losses";
    private static final String COEFFICIENTS = "coefficients";

    private final SameDiff sd;
    private final List<ParamSpec> classifierParams;
    private final List<ParamSpec> weightingParams;
    private final Map<String, String> gradientOutputs = new HashMap<>();
    private final Map<String, String> statisticOutputs = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private final int batch;

    /**
     * What one update computed.
     *
     * @param gradients gradient of each trainable classifier parameter
     * @param batchStatistics BatchNorm batch mean/variance by running-buffer name
     * @param losses per-sample cross-entropies [n]
     * @param coefficients per-sample coefficients c_i [n]
     */
    public record Result(Map<String, INDArray> gradients, Map<String, INDArray> batchStatistics, INDArray losses,
                         INDArray coefficients) {
        /** @return the batch's mean (unweighted) cross-entropy */
        public double meanLoss() {
            return losses.meanNumber().doubleValue();
        }
    }

    /**
     * @param net the classifier
     * @param weighting how losses become coefficients (its parameters are placeholders here)
     * @param batch batch size n
     * @param dataType FLOAT or DOUBLE
     */
    public ClassifierStepGraph(Network net, SampleWeighting weighting, int batch, DataType dataType) {
        this.sd = SameDiff.create();
        this.batch = batch;
        this.classifierParams = GraphInputs.trainable(net.params());
        this.weightingParams = weighting.params(batch);
        Map<String, SDVariable> vars = GraphInputs.placeholders(sd, classifierParams, dataType);
        vars.putAll(GraphInputs.placeholders(sd, weightingParams, dataType));
        SDVariable x = sd.placeHolder(IMAGES, dataType, net.batchShape(batch));
        SDVariable y = sd.placeHolder(LABELS, dataType, batch, net.numClasses());
        Scope scope = new Scope(sd, vars::get, Mode.TRAIN, dataType, Scope.Differentiated.NONE);
        ExplicitGradient g = ExplicitGradient.build(scope, net, x, y, weighting, null);
        sd.identity(LOSSES, g.losses());
        sd.identity(COEFFICIENTS, g.coefficients());
        outputs.add(LOSSES);
        outputs.add(COEFFICIENTS);
        g.gradients().forEach((name, v) -> gradientOutputs.put(name, v.name()));
        g.batchStatistics().forEach((name, v) -> statisticOutputs.put(name, v.name()));
        outputs.addAll(gradientOutputs.values());
        outputs.addAll(statisticOutputs.values());
    }

    /**
     * @param classifier current classifier parameters
     * @param weightingValues the weighting's parameters (theta, or the explicit weights); may be null when it has none
     * @param images [n, C, H, W]
     * @param labels one-hot [n, K]
     * @return gradients, batch statistics, losses and coefficients
     */
    public Result run(Parameters classifier, Parameters weightingValues, INDArray images, INDArray labels) {
        MetaStepGraph.requireBatch(images, batch, "training");
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, classifierParams, classifier);
        if (!weightingParams.isEmpty()) {
            GraphInputs.feed(feed, weightingParams, weightingValues);
        }
        feed.put(IMAGES, images);
        feed.put(LABELS, labels);
        Map<String, INDArray> out = GraphMemory.output(sd, feed, outputs.toArray(String[]::new));
        Map<String, INDArray> grads = new HashMap<>();
        gradientOutputs.forEach((param, var) -> grads.put(param, out.get(var)));
        Map<String, INDArray> stats = new HashMap<>();
        statisticOutputs.forEach((buffer, var) -> stats.put(buffer, out.get(var)));
        return new Result(grads, stats, out.get(LOSSES), out.get(COEFFICIENTS));
    }
}
