package org.mwnet.spark;

import java.util.HashMap;
import java.util.Map;
import org.mwnet.train.TrainConfig;

/**
 * The workers of this JVM (an executor, or the driver itself in local mode), built on a run's first task and kept for
 * its later ones, so that no task rebuilds the graphs. It holds one run's workers: the first task of another run
 * drops them. Workers of different shards are built at the same time, each by its own shard's first task.
 */
final class WorkerCache {
    private static String run;
    private static final Map<Integer, Slot> SLOTS = new HashMap<>();

    private WorkerCache() {
    }

    /**
     * @param taskRun the task's run
     * @param config the run's configuration
     * @param shard the task's shard
     * @return the shard's worker for the run, built now if this JVM has none yet
     */
    static Worker of(String taskRun, TrainConfig config, Shard shard) {
        Slot slot;
        synchronized (WorkerCache.class) {
            if (!taskRun.equals(run)) {
                SLOTS.clear();
                run = taskRun;
            }
            slot = SLOTS.computeIfAbsent(shard.index(), p -> new Slot());
        }
        return slot.worker(config, shard);
    }

    /** One shard's worker, built by the first task that asks while the shard's other tasks wait. */
    private static final class Slot {
        private Worker worker;

        synchronized Worker worker(TrainConfig config, Shard shard) {
            if (worker == null) {
                worker = new Worker(config, shard);
            }
            return worker;
        }
    }
}
