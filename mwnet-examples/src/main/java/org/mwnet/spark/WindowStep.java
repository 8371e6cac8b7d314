package org.mwnet.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.mwnet.train.TrainConfig;

/**
 * What the driver asks every worker under parameter averaging: bring your replica to {@link #steps} local iterations
 * of the window, and, when the window ends, send it back. A worker whose replica is not at the previous step (a lost
 * executor, a retry after a failed step) starts again from the window's starting state and replays the window's
 * iterations from their recorded batches, so every attempt of a task gives the same result.
 *
 * @param run the run's identity, which keys the workers' caches
 * @param config the run's configuration
 * @param start the window's starting (averaged) state, broadcast once per window
 * @param window the window's first iteration, which names it
 * @param train for each iteration of the window so far, each worker p's micro-batch (indices in the whole training
 *     set)
 * @param meta for each iteration of the window so far, each worker p's meta batch, or null when V does not step
 * @param lr for each iteration of the window so far, the classifier's learning rate
 * @param sync whether the window ends: the workers send their replicas back
 * @param failure a test's injected failure, or null
 */
record WindowStep(String run, TrainConfig config, Broadcast<FlatState> start, long window, int[][][] train,
                  int[][][] meta, double[] lr, boolean sync, InjectedFailure failure) implements Serializable {
    /** @return local iterations the replicas must have run */
    int steps() {
        return train.length;
    }

    /** @return the run's number of the window's latest iteration */
    long iteration() {
        return window + steps() - 1;
    }
}
