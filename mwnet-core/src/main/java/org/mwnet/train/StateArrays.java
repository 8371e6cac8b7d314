package org.mwnet.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays of a {@link TrainingState} that a checkpoint saves and parameter averaging averages: the classifier's
 * parameters and BatchNorm buffers, V's parameters, the SGD velocities and Adam's moments, by entry name
 * ({@code classifier/}, {@code theta/}, {@code sgd/} and {@code adam/} + name), with the optimisers' step counts.
 *
 * @param arrays the arrays by entry name (the SGD velocities and the classifier's arrays are live when taken
 *     {@link #of} a state; Adam's moments are copies, in double)
 * @param sgdSteps classifier optimiser steps
 * @param adamSteps V optimiser steps
 */
public record StateArrays(Map<String, INDArray> arrays, long sgdSteps, long adamSteps) {
    private static final String CLASSIFIER = "classifier/";
    private static final String THETA = "theta/";
    private static final String SGD = "sgd/";
    private static final String ADAM = "adam/";

    /**
     * @param s a state
     * @return its arrays
     */
    public static StateArrays of(TrainingState s) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        s.classifier.asMap().forEach((k, v) -> arrays.put(CLASSIFIER + k, v));
        if (s.theta != null) {
            s.theta.asMap().forEach((k, v) -> arrays.put(THETA + k, v));
        }
        s.sgd.state().forEach((k, v) -> arrays.put(SGD + k, v));
        s.adam.state().forEach((k, v) -> arrays.put(ADAM + k, v));
        return new StateArrays(arrays, s.sgd.steps(), s.adam.steps());
    }

    /**
     * The element-wise mean of P replicas' arrays, summed in the order given and divided by P once
     * ({@link GradientAverage}); the replicas have stepped in lockstep, so their step counts are equal.
     *
     * @param replicas the replicas' arrays, in worker order
     * @return their mean (with P = 1, the replica's arrays themselves)
     * @throws IllegalArgumentException when their names or step counts differ
     */
    public static StateArrays mean(List<StateArrays> replicas) {
        GradientAverage mean = new GradientAverage(replicas.size());
        StateArrays first = replicas.get(0);
        for (StateArrays r : replicas) {
            if (r.sgdSteps != first.sgdSteps || r.adamSteps != first.adamSteps) {
                throw new IllegalArgumentException("replicas took different optimiser steps: SGD " + r.sgdSteps
                        + " and Adam " + r.adamSteps + ", the first SGD " + first.sgdSteps + " and Adam "
                        + first.adamSteps);
            }
            mean.add(r.arrays);
        }
        return new StateArrays(mean.mean(), first.sgdSteps, first.adamSteps);
    }

    /**
     * Overwrites a state's parameters and optimisers with these values (copied).
     *
     * @param s the state, of the same configuration
     * @param source where the values came from, for messages
     * @throws IllegalArgumentException when a parameter is missing or has another shape
     */
    public void into(TrainingState s, String source) {
        s.classifier.load(group(CLASSIFIER), source);
        if (s.theta != null) {
            s.theta.load(group(THETA), source);
        }
        s.sgd.restore(group(SGD), sgdSteps);
        s.adam.restore(group(ADAM), adamSteps);
    }

    private Map<String, INDArray> group(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
