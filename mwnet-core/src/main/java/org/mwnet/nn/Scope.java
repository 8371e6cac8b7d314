package org.mwnet.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a layer needs to add its ops to a graph: the graph, the parameter values to use (base weights or looked-ahead
 * ones), the mode, and a place to report BatchNorm's batch statistics.
 */
public final class Scope {
    private final SameDiff sd;
    private final Function<String, SDVariable> params;
    private final Mode mode;
    private final DataType dataType;
    private final Map<String, SDVariable> batchStatistics = new LinkedHashMap<>();
    private final Map<String, OuterProduct> outerProducts = new LinkedHashMap<>();
    private final Map<String, FactoredWeight> factoredWeights;
    private final Differentiated differentiated;

    /**
     * Which of the classifier's ops built in a scope SameDiff will differentiate. Layers choose ops by it: some ops
     * compute fast but are slow to differentiate, and nd4j's fused gradient ops cannot be differentiated at all.
     * ALL and BACKWARD only steer that choice (every op stays differentiable); NONE promises that nothing built in
     * the scope is differentiated.
     */
    public enum Differentiated {
        /** forward and backward passes (the look-ahead's forward pass, and gradient checks) */
        ALL,
        /** only the backward passes: the forward pass depends on placeholders alone (the meta step's first pass) */
        BACKWARD,
        /** nothing (the classifier update) */
        NONE
    }

    /**
     * A gradient known in factored form, {@code left^T right} (a Dense layer's weight gradient).
     *
     * @param left [n, in]
     * @param right [n, out]
     */
    public record OuterProduct(SDVariable left, SDVariable right) {
    }

    /**
     * A weight given as {@code base - left^T right}, never materialised: {@code u W'} is computed as
     * {@code u base - (u left^T) right}, which is cheaper when the layer is wider than the batch.
     *
     * @param base the weight before the step [in, out]
     * @param step the step's factors
     */
    public record FactoredWeight(SDVariable base, OuterProduct step) {
    }

    /**
     * @param sd the graph
     * @param params maps a parameter name to the variable holding its value in this pass
     * @param mode train or eval
     * @param dataType floating type of the graph
     */
    public Scope(SameDiff sd, Function<String, SDVariable> params, Mode mode, DataType dataType) {
        this(sd, params, mode, dataType, Map.of());
    }

    /**
     * A scope in which some weights are used in factored form (the look-ahead of a meta step).
     *
     * @param sd the graph
     * @param params maps a parameter name to its value in this pass (for the weights not factored)
     * @param mode train or eval
     * @param dataType floating type of the graph
     * @param factoredWeights weights given as {@code base - left^T right}, by name
     */
    public Scope(SameDiff sd, Function<String, SDVariable> params, Mode mode, DataType dataType,
                 Map<String, FactoredWeight> factoredWeights) {
        this(sd, params, mode, dataType, factoredWeights, Differentiated.ALL);
    }

    /**
     * @param sd the graph
     * @param params maps a parameter name to the variable holding its value in this pass
     * @param mode train or eval
     * @param dataType floating type of the graph
     * @param differentiated which of the ops built here SameDiff will differentiate
     */
    public Scope(SameDiff sd, Function<String, SDVariable> params, Mode mode, DataType dataType,
                 Differentiated differentiated) {
        this(sd, params, mode, dataType, Map.of(), differentiated);
    }

    private Scope(SameDiff sd, Function<String, SDVariable> params, Mode mode, DataType dataType,
                  Map<String, FactoredWeight> factoredWeights, Differentiated differentiated) {
        this.sd = sd;
        this.params = params;
        this.mode = mode;
        this.dataType = dataType;
        this.factoredWeights = factoredWeights;
        this.differentiated = differentiated;
    }

    /** @return whether SameDiff will differentiate the forward passes built in this scope */
    public boolean forwardDifferentiated() {
        return differentiated == Differentiated.ALL;
    }

    /**
     * @return whether SameDiff will differentiate the backward passes built in this scope; where it will not,
     *         layers may use nd4j's fused gradient ops, which compute the same values faster
     */
    public boolean backwardDifferentiated() {
        return differentiated != Differentiated.NONE;
    }

    /**
     * {@code input W} for the weight {@code name}, computed from its factors when it is factored.
     *
     * @param input [b, in]
     * @param name the weight's parameter name
     * @return [b, out]
     */
    public SDVariable matmulParam(SDVariable input, String name) {
        FactoredWeight f = factoredWeights.get(name);
        if (f == null) {
            return sd.mmul(input, param(name));
        }
        SDVariable kernel = sd.mmul(input, f.step().left(), false, true, false);
        return sd.mmul(input, f.base()).sub(sd.mmul(kernel, f.step().right()));
    }

    /**
     * Records that the gradient of a parameter is {@code left^T right}.
     *
     * @param name parameter name
     * @param left [n, in]
     * @param right [n, out]
     */
    public void reportOuterProduct(String name, SDVariable left, SDVariable right) {
        outerProducts.put(name, new OuterProduct(left, right));
    }

    /** @return the gradients reported in factored form, by parameter name */
    public Map<String, OuterProduct> outerProducts() {
        return outerProducts;
    }

    /** @return the graph */
    public SameDiff sd() {
        return sd;
    }

    /** @param name parameter name @return its value in this pass */
    public SDVariable param(String name) {
        SDVariable v = params.apply(name);
        if (v == null) {
            throw new IllegalStateException("no graph value for parameter '" + name + "'");
        }
        return v;
    }

    /** @return train or eval */
    public Mode mode() {
        return mode;
    }

    /** @return floating type of the graph */
    public DataType dataType() {
        return dataType;
    }

    /** @param value a number @return it as a scalar constant of the graph's type */
    public SDVariable scalar(double value) {
        return sd.constant(Nd4j.scalar(dataType, value));
    }

    /**
     * Records a batch statistic (BatchNorm's batch mean or variance) under the buffer name it updates.
     *
     * @param bufferName e.g. {@code bn1.running_mean}
     * @param value the batch statistic
     */
    public void reportBatchStatistic(String bufferName, SDVariable value) {
        batchStatistics.put(bufferName, value);
    }

    /** @return the batch statistics reported so far, by buffer name */
    public Map<String, SDVariable> batchStatistics() {
        return batchStatistics;
    }
}
