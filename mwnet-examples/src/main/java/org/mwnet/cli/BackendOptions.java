package org.mwnet.cli;

import java.io.PrintWriter;
import org.mwnet.backend.BackendChoice;
import org.mwnet.backend.BackendInfo;
import org.mwnet.backend.GpuProbe;
import org.mwnet.backend.LoadedBackend;
import org.mwnet.backend.Threads;
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
            description = "Threads for ND4J's ops and BLAS (default: ${DEFAULT-VALUE}).")
    int threads;

    private BackendInfo applied;

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
