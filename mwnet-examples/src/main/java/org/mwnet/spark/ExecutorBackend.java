package org.mwnet.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.mwnet.backend.Backends;

/**
 * An executor's side of {@link BackendPlugin}: when the executor starts, before any task (and so before any broadcast
 * set, shard or parameter is deserialized there), it loads ND4J with the backend {@link Backends#use} chooses for the
 * run's request, from the devices this executor's {@code nvidia-smi} lists, and reports the result to the driver. An
 * executor that cannot get the backend requested reports why and fails to start. In local mode the executor is the
 * driver's JVM, whose backend the driver already chose: there it does nothing.
 */
final class ExecutorBackend implements ExecutorPlugin {
    /** The id of local mode's executor, the driver (Spark's SparkContext.DRIVER_IDENTIFIER, private to Spark). */
    static final String DRIVER = "driver";
    /** How long an executor that could not get its backend waits for the driver to end it. */
    static final long LINGER_MS = 60_000;

    @Override
    public void init(PluginContext context, Map<String, String> extraConf) {
        if (context.executorID().equals(DRIVER)) {
            return;
        }
        String request = context.conf().get(BackendPlugin.REQUEST, "auto");
        String host = hostName();
        BackendReport report;
        try {
            report = new BackendReport(context.executorID(), host, Backends.use(request).line(), false);
        } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
            report = new BackendReport(context.executorID(), host, e.getMessage(), true);
        }
        try {
            // ask, not send: the driver has the failure before this executor goes
            context.ask(report);
        } catch (Exception e) {
            throw new IllegalStateException("the driver did not take the backend report: " + report.line(), e);
        }
        if (report.failed()) {
            awaitTheDriversStop();
            throw new IllegalStateException(report.line());
        }
    }

    /**
     * The driver stops the run on a failure's report, and its cluster manager then ends this executor. Were the
     * executor to end itself at once, its exit message would race the driver's shutdown, and one that arrives after
     * the driver's scheduler stopped makes Spark log an error with a stack trace. So it waits to be ended, and ends
     * itself only after {@link #LINGER_MS} (a driver that did not stop).
     */
    private static void awaitTheDriversStop() {
        try {
            Thread.sleep(LINGER_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Not {@link PluginContext#hostname()}: Spark 3.5 takes it from the address of the executor's RPC environment,
     * which executors do not have (they only connect out), and it fails.
     */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }
}
