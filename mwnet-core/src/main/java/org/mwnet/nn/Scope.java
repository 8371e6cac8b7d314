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

    /**
     * @param sd the graph
     * @param params maps a parameter name to the variable holding its value in this pass
     * @param mode train or eval
     * @param dataType floating type of the graph
     */
    public Scope(SameDiff sd, Function<String, SDVariable> params, Mode mode, DataType dataType) {
        this.sd = sd;
        this.params = params;
        this.mode = mode;
        this.dataType = dataType;
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
