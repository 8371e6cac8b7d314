package org.mwnet.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/**
 * A test hook: in one iteration, the first attempt of each of one worker's tasks fails, as a lost executor would
 * make it fail, and Spark runs the task again.
 *
 * @param iteration the iteration
 * @param worker the worker p
 */
record InjectedFailure(long iteration, int worker) implements Serializable {
    /**
     * @param taskIteration the iteration a task runs
     * @param worker the task's worker
     * @param lose what the failure loses first, as a lost executor loses its state
     * @throws IllegalStateException on the first attempt of the chosen task
     */
    void maybeFail(long taskIteration, int worker, Runnable lose) {
        if (taskIteration == iteration && worker == this.worker && TaskContext.get().attemptNumber() == 0) {
            lose.run();
            throw new IllegalStateException("injected failure of worker " + worker + " in iteration " + iteration);
        }
    }
}
