package org.mwnet.train;

import java.util.ArrayList;
import java.util.List;
import org.mwnet.data.Batches;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.nn.Parameters;

/**
 * Everything a run changes as it goes: classifier and V parameters, both optimisers, the position in the
 * meta-batch stream, the counters and the metrics so far. A checkpoint saves exactly this.
 */
public final class TrainingState {
    final Parameters classifier;
    final Parameters theta;
    final SgdMomentum sgd;
    final Adam adam;
    final Batches.Cycle metaCycle;
    final List<EpochMetrics> history = new ArrayList<>();
    int nextEpoch;
    long iteration;

    TrainingState(Parameters classifier, Parameters theta, SgdMomentum sgd, Adam adam, Batches.Cycle metaCycle) {
        this.classifier = classifier;
        this.theta = theta;
        this.sgd = sgd;
        this.adam = adam;
        this.metaCycle = metaCycle;
    }

    /** @return the classifier's parameters and BatchNorm buffers (live) */
    public Parameters classifier() {
        return classifier;
    }

    /** @return V's parameters, or null for methods without V */
    public Parameters theta() {
        return theta;
    }

    /** @return the metrics of the epochs run so far */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }
}
