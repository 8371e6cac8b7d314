package org.mwnet.train;

import java.util.function.Supplier;

/** One training method's iteration: what it computes on a batch and how it updates the state. */
public interface Method {
    /**
     * @param state the run's parameters and optimisers, updated in place
     * @param train the training batch
     * @param meta gives the next clean meta batch (only methods with a meta step call it)
     * @param lr the classifier's current learning rate
     * @return the iteration's losses
     */
    StepStats iterate(TrainingState state, Batch train, Supplier<Batch> meta, double lr);
}
