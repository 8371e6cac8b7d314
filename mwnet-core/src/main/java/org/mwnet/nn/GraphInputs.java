package org.mwnet.nn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Declares parameters as placeholders of a graph and fills them from {@link Parameters} at run time. */
public final class GraphInputs {
    private GraphInputs() {
    }

    /**
     * @param sd the graph
     * @param specs parameters to declare
     * @param dataType their type
     * @return the placeholders by parameter name
     */
    public static Map<String, SDVariable> placeholders(SameDiff sd, List<ParamSpec> specs, DataType dataType) {
        Map<String, SDVariable> out = new HashMap<>();
        for (ParamSpec s : specs) {
            out.put(s.name(), sd.placeHolder(s.name(), dataType, s.shape()));
        }
        return out;
    }

    /**
     * @param sd the graph
     * @param specs parameters to declare as variables (the ones a meta-gradient is taken with respect to)
     * @param dataType their type
     * @return the variables by parameter name
     */
    public static Map<String, SDVariable> variables(SameDiff sd, List<ParamSpec> specs, DataType dataType) {
        Map<String, SDVariable> out = new HashMap<>();
        for (ParamSpec s : specs) {
            out.put(s.name(), sd.var(s.name(), Nd4j.zeros(dataType, s.shape())));
        }
        return out;
    }

    /**
     * Adds the values of some parameters to a placeholder map.
     *
     * @param feed the map handed to the graph
     * @param specs which parameters
     * @param values their values
     */
    public static void feed(Map<String, INDArray> feed, List<ParamSpec> specs, Parameters values) {
        for (ParamSpec s : specs) {
            feed.put(s.name(), values.get(s.name()));
        }
    }

    /**
     * @param specs all declarations
     * @return the trainable ones
     */
    public static List<ParamSpec> trainable(List<ParamSpec> specs) {
        return specs.stream().filter(ParamSpec::trainable).toList();
    }
}
