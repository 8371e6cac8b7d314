package org.mwnet.train;

import java.io.IOException;
import org.mwnet.eval.EpochMetrics;

/**
 * Observes a run's progress (progress bars, logs, notebooks). All methods do nothing by default. The trainer's own
 * jobs between epochs are listeners too, told before the user's: the divergence check and the checkpoint writer.
 */
public interface TrainingListener {
    /**
     * Called once the run's data and any checkpoint to resume have been checked, before the networks are built and
     * the first epoch starts.
     */
    default void onStart() {
    }

    /**
     * @param epoch 0-based epoch
     * @param iterations iterations it will run
     */
    default void onEpochStart(int epoch, int iterations) {
    }

    /**
     * @param epoch 0-based epoch
     * @param iteration 0-based iteration within the epoch
     * @param stats its losses
     */
    default void onIteration(int epoch, int iteration, StepStats stats) {
    }

    /**
     * Called after the epoch was evaluated and checkpointed.
     *
     * @param metrics the epoch's record
     * @throws IOException when the listener cannot write what it writes (the checkpoint writer's checkpoint)
     */
    default void onEpochEnd(EpochMetrics metrics) throws IOException {
    }
}
