package org.mwnet.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwnet.nn.FlatArrays;
import org.mwnet.train.StateArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training state's arrays ({@link StateArrays}) as flat buffers, the form in which a window's starting state
 * travels to the workers and a worker's replica travels back: the run's FLOAT arrays (parameters, BatchNorm buffers,
 * SGD velocities) as floats and the others (Adam's moments, or everything in a double run) as doubles, so a round
 * trip keeps every bit.
 *
 * @param floats the FLOAT arrays
 * @param doubles the other arrays
 * @param sgdSteps classifier optimiser steps
 * @param adamSteps V optimiser steps
 */
record FlatState(FlatArrays floats, FlatArrays doubles, long sgdSteps, long adamSteps) implements Serializable {
    /** @param s a state's arrays @return them flattened */
    static FlatState of(StateArrays s) {
        Map<String, INDArray> floats = new LinkedHashMap<>();
        Map<String, INDArray> doubles = new LinkedHashMap<>();
        s.arrays().forEach((name, a) -> (a.dataType() == DataType.FLOAT ? floats : doubles).put(name, a));
        return new FlatState(FlatArrays.of(floats), FlatArrays.of(doubles), s.sgdSteps(), s.adamSteps());
    }

    /** @return new arrays with these values */
    StateArrays toArrays() {
        Map<String, INDArray> arrays = new LinkedHashMap<>(floats.toMap());
        arrays.putAll(doubles.toMap());
        return new StateArrays(arrays, sgdSteps, adamSteps);
    }
}
