package org.mwnet.spark;

/**
 * What a run asks of every executor that runs in a JVM of its own: the ND4J backend to choose there and how many
 * threads ND4J's native ops may use there. A Spark configuration that already sets either for the executors
 * ({@value BackendPlugin#REQUEST}, {@code spark.executorEnv.OMP_NUM_THREADS}) wins.
 *
 * @param backend auto, cpu or cuda: the run's {@code --backend}
 * @param threads the run's {@code --threads}, at least 1
 */
public record ExecutorRequest(String backend, int threads) {
    /**
     * @throws IllegalArgumentException when threads is below 1
     */
    public ExecutorRequest {
        if (threads < 1) {
            throw new IllegalArgumentException("executor threads must be at least 1, got " + threads);
        }
    }
}
