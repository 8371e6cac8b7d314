package org.mwnet.train;

import java.util.Map;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A first-order optimiser that updates parameters in place and keeps its own state (part of a checkpoint). */
public interface Optimizer {
    /**
     * Applies one update.
     *
     * @param params the parameters (updated in place)
     * @param gradients gradient of each parameter to update, by name
     * @param lr the learning rate of this step
     */
    void step(Parameters params, Map<String, INDArray> gradients, double lr);

    /** @return the optimiser's state arrays by key (live) */
    Map<String, INDArray> state();

    /** @return the number of steps taken (Adam's bias correction needs it) */
    long steps();

    /**
     * Restores state saved from {@link #state()} and {@link #steps()}.
     *
     * @param saved the arrays
     * @param steps the step count
     */
    void restore(Map<String, INDArray> saved, long steps);
}
