package org.mwnet.train;

import java.io.IOException;
import java.util.List;
import org.mwnet.eval.EpochMetrics;

/** Several listeners told in their order: a run's own (divergence check, checkpoint writer), then the user's. */
final class Listeners implements TrainingListener {
    private final List<TrainingListener> all;

    /** @param all the listeners, in the order they are told */
    Listeners(List<TrainingListener> all) {
        this.all = List.copyOf(all);
    }

    @Override
    public void onStart() {
        all.forEach(TrainingListener::onStart);
    }

    @Override
    public void onEpochStart(int epoch, int iterations) {
        all.forEach(l -> l.onEpochStart(epoch, iterations));
    }

    @Override
    public void onIteration(int epoch, int iteration, StepStats stats) {
        all.forEach(l -> l.onIteration(epoch, iteration, stats));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) throws IOException {
        for (TrainingListener l : all) {
            l.onEpochEnd(metrics);
        }
    }
}
