package org.mwnet.train;

import java.util.List;
import java.util.function.Supplier;
import org.mwnet.nn.Parameters;

/**
 * One worker's own copy of what training changes, under parameter averaging ({@link ParameterAveraging}): its
 * classifier with its BatchNorm buffers, V, the SGD velocities and Adam's moments. Each {@link #step} is the full
 * iteration of {@link Methods#synchronous} on the worker's micro-batch alone: its own look-ahead and Adam step on its
 * own V (mwnet, every {@code metaInterval} iterations), then its own SGD step and BatchNorm update on its own
 * classifier. The single-process trainer keeps P of them; a data-parallel worker keeps its one.
 */
public final class Replica {
    private final TrainingState state;
    private final Iteration local;

    /**
     * @param config the run's configuration
     * @param step computes the micro-batch's gradients (replicas that step one at a time may share it)
     * @param classifier the replica's own classifier arrays, overwritten by {@link #load}
     * @param theta the replica's own V arrays, or null for a method without V
     */
    public Replica(TrainConfig config, MicroBatchParts step, Parameters classifier, Parameters theta) {
        this.state = TrainingState.replica(config, classifier, theta);
        this.local = Methods.synchronous(config, step);
    }

    /**
     * Starts the replica from a state: the start of a window of local iterations.
     *
     * @param start the (averaged) state's arrays, copied
     * @param source where they came from, for messages
     */
    public void load(StateArrays start, String source) {
        start.into(state, source);
    }

    /**
     * One local iteration.
     *
     * @param iteration the run's iteration number (it decides whether V steps)
     * @param train the worker's micro-batch
     * @param meta gives its meta batch (called only when V steps)
     * @param lr the classifier's learning rate
     * @return the micro-batch's losses
     */
    public StepStats step(long iteration, Batch train, Supplier<Batch> meta, double lr) {
        state.iteration = iteration;
        return local.iterate(state, List.of(train), () -> List.of(meta.get()), lr);
    }

    /** @return the replica's arrays (live, except Adam's moments), to average */
    public StateArrays arrays() {
        return StateArrays.of(state);
    }
}
