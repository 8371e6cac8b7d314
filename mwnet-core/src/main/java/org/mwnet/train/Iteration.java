package org.mwnet.train;

import java.util.List;
import java.util.function.Supplier;

/**
 * One training method's iteration: what it computes on the iteration's micro-batches and how it updates the state
 * ({@link Methods} describes the micro-batches).
 */
public interface Iteration {
    /**
     * @param state the run's parameters and optimisers, updated in place
     * @param micro the iteration's P micro-batches, micro-batch p from shard p (P = 1: the whole batch)
     * @param meta gives the next meta draw: one clean meta batch per micro-batch, in the same order (only methods with
     *     a meta step call it)
     * @param lr the classifier's current learning rate
     * @return the iteration's losses, each the mean over the micro-batches
     */
    StepStats iterate(TrainingState state, List<Batch> micro, Supplier<List<Batch>> meta, double lr);

    /**
     * Brings the state up to date at the end of an epoch, before the trainer checks, evaluates and checkpoints it: a
     * method whose workers train replicas of the state ({@link ParameterAveraging}) averages them into it. Nothing
     * by default, for methods that update the state in every iteration.
     *
     * @param state the run's state
     */
    default void finishEpoch(TrainingState state) {
    }
}
