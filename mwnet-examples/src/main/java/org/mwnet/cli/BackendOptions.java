package org.mwnet.cli;

import java.io.PrintWriter;
import org.mwnet.backend.BackendChoice;
import org.mwnet.backend.BackendInfo;
import org.mwnet.backend.GpuProbe;
import org.mwnet.backend.LoadedBackend;
import org.mwnet.backend.Threads;
import org.mwnet.spark.ExecutorRequest;
import picocli.CommandLine.Option;

/**
 * {@code --backend} and {@code --threads}. The launcher exports ND4J's backend priorities from {@code --backend}
 * before the JVM starts (or, without the launcher, the same choice is made here); what is reported is the backend ND4J
 * actually loaded, set against that choice.
 */
final class BackendOptions {
    @Option(names = "--backend", defaultValue = "${env:MWNET_BACKEND:-auto}",
            description = "auto, cpu or cuda (default: $MWNET_BACKEND or auto).")
    String backend;

    @Option(names = "--threads", defaultValue = "1",
            description = "Threads for ND4J's ops and BLAS, at most the processor count (default: ${DEFAULT-VALUE}).")
    int threads;

    private BackendInfo applied;

    /** @return what Spark executors in JVMs of their own are asked for: this run's backend and threads */
    ExecutorRequest executors() {
        return new ExecutorRequest(backend, threads);
    }

    /**
     * Refuses a thread count outside 1 to the machine's processor count (more threads than processors only make
     * ND4J's OpenMP threads wait for each other).
     */
    void checkThreads() {
        int processors = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > processors) {
            throw new IllegalArgumentException("--threads " + threads + ": expected 1 to " + processors
                    + " (the processors available here)");
        }
    }

    /**
     * Applies the thread count and checks the backend; says which backend runs and why, in one line (once).
     *
     * @param err where the line goes
     * @return the live backend
     */
    BackendInfo apply(PrintWriter err) {
        if (applied != null) {
            return applied;
        }
        BackendChoice.Request request = BackendChoice.Request.parse(backend);
        BackendChoice choice = BackendChoice.fromLauncher(System.getenv()).orElseGet(
                () -> BackendChoice.decide(request, BackendChoice.cudaBuilt(), GpuProbe.onSystemPath()::scan));
        Threads.set(threads);
        BackendInfo live = BackendInfo.live();
        LoadedBackend loaded = LoadedBackend.check(choice, live);
        if (request == BackendChoice.Request.CUDA && !loaded.asChosen()) {
            throw new IllegalArgumentException("--backend cuda: " + loaded.loadFailure());
        }
        err.println("mwnet: " + loaded.line());
        err.flush();
        applied = live;
        return live;
    }
}
