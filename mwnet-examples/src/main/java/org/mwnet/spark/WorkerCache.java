package org.mwnet.spark;

import java.util.HashMap;
import java.util.Map;

/**
 * The workers of this JVM (an executor, or the driver itself in local mode), built on a run's first task and kept for
 * its later ones, so that no task rebuilds the graphs. It holds one run's workers: the first task of another run
 * drops them.
 */
final class WorkerCache {
    private static String run;
    private static final Map<Integer, Worker> WORKERS = new HashMap<>();

    private WorkerCache() {
    }

    /**
     * @param phase the task's phase, naming the run and carrying its configuration
     * @param shard the task's shard
     * @return the shard's worker for the run, built now if this JVM has none yet
     */
    static synchronized Worker of(Phase phase, Shard shard) {
        if (!phase.run().equals(run)) {
            WORKERS.clear();
            run = phase.run();
        }
        return WORKERS.computeIfAbsent(shard.index(), p -> new Worker(phase.config(), shard));
    }
}
