package org.mwnet.spark;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.PluginContext;

/**
 * The driver's side of {@link BackendPlugin}: prints each executor's backend line to standard error
 * ({@code mwnet: executor 1 on host: backend cpu: ...}). An executor that could not get the backend requested ends
 * the run: the driver keeps its line ({@link #failure}) and stops the context, so that the job waiting for that
 * executor fails at once rather than waiting for executors that will never start.
 */
final class BackendReports implements DriverPlugin {
    /** The failure of the context running in this JVM (the driver runs one at a time). */
    private static final AtomicReference<String> FAILURE = new AtomicReference<>();
    private SparkContext context;

    @Override
    public Map<String, String> init(SparkContext sc, PluginContext pluginContext) {
        this.context = sc;
        forget();
        return Map.of();
    }

    @Override
    public Object receive(Object message) {
        BackendReport report = (BackendReport) message;
        if (!report.failed()) {
            System.err.println("mwnet: " + report.line());
            System.err.flush();
        } else if (FAILURE.compareAndSet(null, report.line())) {
            // not on this thread: stopping the context waits for the message loop this runs in
            Thread stop = new Thread(context::stop, "mwnet-stop-after-executor-failure");
            stop.setDaemon(true);
            stop.start();
        }
        return Boolean.TRUE;
    }

    /** Forgets an earlier run's failure, before another run in this JVM starts. */
    static void forget() {
        FAILURE.set(null);
    }

    /**
     * @return the line of the executor whose backend failure ended the run in this JVM, if one did
     */
    static Optional<String> failure() {
        return Optional.ofNullable(FAILURE.get());
    }
}
