package org.mwnet.train;

import org.mwnet.eval.EpochMetrics;

/**
 * A listener that makes a run crash right after one epoch's checkpoint, as a killed process would, so that a test can
 * resume it.
 *
 * @param epoch the epoch (1-based) after which the run throws {@link #MESSAGE}
 */
public record CrashAfterEpoch(int epoch) implements TrainingListener {
    /** The message of the exception the crash throws. */
    public static final String MESSAGE = "simulated crash";

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (m.epoch() == epoch) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
