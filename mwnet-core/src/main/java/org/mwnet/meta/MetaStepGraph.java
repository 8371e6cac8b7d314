package org.mwnet.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwnet.nn.CrossEntropy;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.Mode;
import org.mwnet.nn.Network;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole bilevel step as ONE SameDiff graph, in two parts named after the method's steps:
 * <ol>
 * <li>{@link #addLookAhead the look-ahead} (step 1): forward on the training batch, per-sample cross-entropy,
 * coefficients from the weighting (V(L; theta) for MW-Net), the explicit gradient and the virtual SGD step
 * {@code w' = w - lr * sum_i c_i grad L_i(w)};</li>
 * <li>{@link #addMetaLoss the meta loss} (what step 2 differentiates): the cross-entropy of {@code f(x_meta; w')} on
 * the clean meta batch.</li>
 * </ol>
 * The classifier's parameters are placeholders and the weighting's parameters the only variables, so SameDiff's
 * first-order autodiff of the meta loss gives exactly {@code grad_theta L_meta(w'(theta))}; the meta update itself
 * (Adam on theta) and the actual update are {@link org.mwnet.train.Methods}'. Built once for a model and batch sizes;
 * each step only feeds new placeholders.
 *
 * <p>With a partial look-ahead ({@link LookAheadLayers}) the graph holds only the layers the look-ahead moves: the
 * layers below them keep their weights, so their outputs on both batches are computed first by a forward-only graph
 * ({@link FixedLayers}) and enter this one as its inputs; the meta-gradient is exact for that look-ahead.
 */
public final class MetaStepGraph {
    private static final String IMAGES = "images";
    private static final String LABELS = "labels";
    private static final String META_IMAGES = "meta_images";
    private static final String META_LABELS = "meta_labels";
    private static final String LR = "lr";
    private static final String META_LOSS = "meta_loss";
    private static final String LOSSES = "train_losses";
    private static final String COEFFICIENTS = "coefficients";

    private final SameDiff sd;
    private final List<ParamSpec> classifierParams;
    private final List<ParamSpec> weightingParams;
    private final List<String> weightingNames;
    private final int batch;
    private final int metaBatch;
    private final GradientFunction gradient;
    /** The layers the look-ahead leaves where they are, or null when it moves every layer. */
    private final FixedLayers fixed;
    /** The looked-ahead parameters by name: materialised ones as graph variables, the others in factored form. */
    private final Map<String, SDVariable> lookedAhead = new HashMap<>();
    private final Map<String, Scope.FactoredWeight> factored = new HashMap<>();

    /**
     * What one meta step computed.
     *
     * @param metaLoss cross-entropy of the looked-ahead classifier on the meta batch
     * @param gradients gradient of the meta loss with respect to each weighting parameter
     * @param losses per-sample training losses [n]
     * @param coefficients per-sample coefficients c_i [n] (V's weights divided by n for MW-Net)
     */
    public record Result(double metaLoss, Map<String, INDArray> gradients, INDArray losses, INDArray coefficients) {
    }

    /**
     * The exact step: the look-ahead moves every layer.
     *
     * @param net the classifier
     * @param weighting the coefficients whose parameters are differentiated
     * @param batch training batch size n
     * @param metaBatch meta batch size m
     * @param dataType FLOAT for training, DOUBLE for checks
     */
    public MetaStepGraph(Network net, SampleWeighting weighting, int batch, int metaBatch, DataType dataType) {
        this(net, weighting, batch, metaBatch, dataType, LookAheadLayers.ALL);
    }

    /**
     * @param fullNet the classifier
     * @param weighting the coefficients whose parameters are differentiated
     * @param batch training batch size n
     * @param metaBatch meta batch size m
     * @param dataType FLOAT for training, DOUBLE for checks
     * @param moving which layers the look-ahead moves
     * @throws IllegalArgumentException when the classifier has no such layers
     */
    public MetaStepGraph(Network fullNet, SampleWeighting weighting, int batch, int metaBatch, DataType dataType,
                         LookAheadLayers moving) {
        int firstMoving = moving.firstMoving(fullNet);
        Network net = fullNet.from(firstMoving);
        this.fixed = firstMoving == 0 ? null : new FixedLayers(fullNet.before(firstMoving), fullNet.inputShape(),
                batch, metaBatch, dataType);
        this.sd = SameDiff.create();
        this.batch = batch;
        this.metaBatch = metaBatch;
        this.classifierParams = GraphInputs.trainable(net.params());
        this.weightingParams = weighting.params(batch);
        this.weightingNames = weightingParams.stream().map(ParamSpec::name).toList();
        Map<String, SDVariable> w = GraphInputs.placeholders(sd, classifierParams, dataType);
        Map<String, SDVariable> theta = GraphInputs.variables(sd, weightingParams, dataType);
        Map<String, SDVariable> both = new HashMap<>(w);
        both.putAll(theta);
        SDVariable x = sd.placeHolder(IMAGES, dataType, net.batchShape(batch));
        SDVariable y = sd.placeHolder(LABELS, dataType, batch, net.numClasses());
        SDVariable xm = sd.placeHolder(META_IMAGES, dataType, net.batchShape(metaBatch));
        SDVariable ym = sd.placeHolder(META_LABELS, dataType, metaBatch, net.numClasses());
        SDVariable lr = sd.placeHolder(LR, dataType);
        addLookAhead(net, weighting, w, both, x, y, lr, dataType);
        sd.setLossVariables(addMetaLoss(net, xm, ym, dataType));
        this.gradient = new GradientFunction(sd, weightingNames);
    }

    /**
     * Step 1, the look-ahead: {@code w' = w - lr * sum_i c_i grad_w L_i(w)}, with the gradient written as the layers'
     * explicit VJPs so that SameDiff can differentiate it once more. A wide Dense weight's step stays factored
     * ({@link #cheaperFactored}). Also names the training batch's losses and coefficients as outputs.
     *
     * @param w the classifier's parameters (placeholders)
     * @param wAndTheta those and the weighting's parameters (variables), by name
     */
    private void addLookAhead(Network net, SampleWeighting weighting, Map<String, SDVariable> w,
                              Map<String, SDVariable> wAndTheta, SDVariable x, SDVariable y, SDVariable lr,
                              DataType dataType) {
        // the classifier's forward pass on the training batch depends on placeholders alone; its backward pass
        // depends on theta through the coefficients
        Scope atW = new Scope(sd, wAndTheta::get, Mode.TRAIN, dataType, Scope.Differentiated.BACKWARD);
        ExplicitGradient g = ExplicitGradient.build(atW, net, x, y, weighting, lr);
        sd.identity(LOSSES, g.losses());
        sd.identity(COEFFICIENTS, g.coefficients());
        for (ParamSpec p : classifierParams) {
            Scope.OuterProduct step = g.outerProducts().get(p.name());
            if (step != null && cheaperFactored(p.shape(), batch)) {
                factored.put(p.name(), new Scope.FactoredWeight(w.get(p.name()), step));
            } else {
                lookedAhead.put(p.name(), w.get(p.name()).sub(g.gradients().get(p.name())));
            }
        }
    }

    /**
     * The meta loss that step 2 differentiates: the looked-ahead classifier's mean cross-entropy on the meta batch.
     *
     * @return the meta loss, the graph's loss variable
     */
    private SDVariable addMetaLoss(Network net, SDVariable metaImages, SDVariable metaLabels, DataType dataType) {
        Scope atLookAhead = new Scope(sd, lookedAhead::get, Mode.TRAIN, dataType, factored);
        SDVariable metaLogits = net.forward(atLookAhead, metaImages, metaBatch).output();
        return CrossEntropy.perSample(metaLogits, metaLabels).mean().rename(META_LOSS);
    }

    /**
     * Runs the step: one call that returns the meta loss, its gradient for the weighting's parameters, and the
     * training batch's losses and coefficients.
     *
     * @param classifier current classifier parameters w
     * @param weightingValues current weighting parameters (theta; for L2RW the epsilons, zeros)
     * @param images training images [n, C, H, W]
     * @param labels training labels, one-hot [n, K]
     * @param metaImages meta images [m, C, H, W]
     * @param metaLabels meta labels, one-hot [m, K]
     * @param lr the look-ahead learning rate (the classifier's current one)
     * @return the meta loss and gradients
     */
    public Result step(Parameters classifier, Parameters weightingValues, INDArray images, INDArray labels,
                       INDArray metaImages, INDArray metaLabels, double lr) {
        Map<String, INDArray> feed = feed(classifier, weightingValues, images, labels, metaImages, metaLabels, lr);
        Map<String, INDArray> out = gradient.run(feed, List.of(META_LOSS, LOSSES, COEFFICIENTS));
        Map<String, INDArray> grads = new HashMap<>();
        for (String name : weightingNames) {
            grads.put(name, out.get(name));
        }
        return new Result(out.get(META_LOSS).getDouble(0), grads, out.get(LOSSES), out.get(COEFFICIENTS));
    }

    /**
     * Evaluates only the meta loss (no gradient), for finite-difference checks.
     *
     * @param classifier w
     * @param weightingValues theta
     * @param images training images
     * @param labels training labels
     * @param metaImages meta images
     * @param metaLabels meta labels
     * @param lr look-ahead learning rate
     * @return the meta loss
     */
    public double metaLoss(Parameters classifier, Parameters weightingValues, INDArray images, INDArray labels,
                           INDArray metaImages, INDArray metaLabels, double lr) {
        Map<String, INDArray> feed = feed(classifier, weightingValues, images, labels, metaImages, metaLabels, lr);
        return sd.output(feed, META_LOSS).get(META_LOSS).getDouble(0);
    }

    /**
     * The looked-ahead classifier {@code w'} this graph feeds to the meta batch, for tests that compare it with an
     * independent implementation: the parameters the look-ahead moves, by name. A factored weight is materialised
     * here as {@code w - left^T right} from the two factors the graph computes.
     */
    Map<String, INDArray> lookAhead(Parameters classifier, Parameters weightingValues, INDArray images,
                                    INDArray labels, INDArray metaImages, INDArray metaLabels, double lr) {
        Map<String, INDArray> feed = feed(classifier, weightingValues, images, labels, metaImages, metaLabels, lr);
        List<String> wanted = new ArrayList<>();
        lookedAhead.values().forEach(v -> wanted.add(v.name()));
        factored.values().forEach(f -> wanted.addAll(List.of(f.step().left().name(), f.step().right().name())));
        Map<String, INDArray> out = sd.output(feed, wanted);
        Map<String, INDArray> result = new HashMap<>();
        lookedAhead.forEach((param, v) -> result.put(param, out.get(v.name())));
        factored.forEach((param, f) -> result.put(param, classifier.get(param)
                .sub(out.get(f.step().left().name()).transpose().mmul(out.get(f.step().right().name())))));
        return result;
    }

    /**
     * Sets theta's variables and returns the placeholder values of one step; with a partial look-ahead, the inputs
     * are the fixed layers' outputs on the two batches.
     */
    private Map<String, INDArray> feed(Parameters classifier, Parameters weightingValues, INDArray images,
                                       INDArray labels, INDArray metaImages, INDArray metaLabels, double lr) {
        requireBatch(images, batch, "training");
        requireBatch(metaImages, metaBatch, "meta");
        INDArray[] inputs = fixed == null ? new INDArray[] {images, metaImages}
                : fixed.outputs(classifier, images, metaImages);
        for (String name : weightingNames) {
            sd.getArrForVarName(name).assign(weightingValues.get(name));
        }
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, classifierParams, classifier);
        feed.put(IMAGES, inputs[0]);
        feed.put(LABELS, labels);
        feed.put(META_IMAGES, inputs[1]);
        feed.put(META_LABELS, metaLabels);
        feed.put(LR, Nd4j.scalar(images.dataType(), lr));
        return feed;
    }

    /** @return names of the parameters the meta-gradient is taken for */
    public List<String> weightingNames() {
        return new ArrayList<>(weightingNames);
    }

    /**
     * Whether to keep a Dense weight's look-ahead in factored form: materialising {@code W' = W - x^T dz} and
     * differentiating through it costs about 6 m·in·out multiply-adds, the factored form about
     * 3 m·in·out + 3 m·n·(in + out); so factor when {@code in·out > n·(in + out)} (the wide first layers).
     */
    private static boolean cheaperFactored(long[] weightShape, int batch) {
        long in = weightShape[0];
        long out = weightShape[1];
        return in * out > (long) batch * (in + out);
    }

    static void requireBatch(INDArray a, int expected, String what) {
        if (a.size(0) != expected) {
            throw new IllegalArgumentException(what + " batch has " + a.size(0) + " samples; this graph was built for "
                    + expected);
        }
    }
}
