package org.mwnet.spark;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * The Spark plugin ({@code spark.plugins}) through which each executor chooses its own ND4J backend when it starts,
 * before any task runs: {@link ExecutorBackend} on the executors, {@link BackendReports} on the driver.
 * {@link ExecutorSetup} installs it.
 */
public final class BackendPlugin implements SparkPlugin {
    /** The executors' backend request (auto, cpu or cuda): the run's {@code --backend} unless set explicitly. */
    public static final String REQUEST = "spark.mwnet.backend";

    @Override
    public DriverPlugin driverPlugin() {
        return new BackendReports();
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorBackend();
    }

    /**
     * Runs the driver's part of a Spark run; when an executor that could not get its backend ended the run, says so
     * instead of the failure Spark reports (a job cancelled because the context was stopped).
     *
     * @param run the driver's part: starting Spark, training, stopping Spark
     * @param <T> what it returns
     * @return what it returned
     * @throws IllegalArgumentException naming the executor and why it could not get its backend, when one ended the run
     * @throws Exception what the run threw otherwise
     */
    public static <T> T explainingExecutorFailures(Callable<T> run) throws Exception {
        BackendReports.forget();
        try {
            return run.call();
        } catch (Exception e) {
            Optional<String> failure = BackendReports.failure();
            if (failure.isPresent()) {
                throw new IllegalArgumentException(failure.get(), e);
            }
            throw e;
        }
    }
}
