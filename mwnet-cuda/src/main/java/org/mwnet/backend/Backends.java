package org.mwnet.backend;

import org.nd4j.common.config.ND4JClassLoading;

/**
 * The library's backend selection: what the {@code ./mwnet} launcher does for the command-line tool, for programs and
 * notebooks that use mwnet directly.
 * <p>
 * Call {@link #use(String)} once, first, before anything touches ND4J ({@code Nd4j}, {@code INDArray},
 * {@code SameDiff}, or any mwnet class that builds one): ND4J loads one backend per JVM, the first time it is used,
 * and never changes it.
 * <pre>{@code
 * LoadedBackend backend = Backends.use("auto");   // or "cpu", "cuda"
 * System.out.println(backend.line());   // backend cpu: no CUDA device found (nvidia-smi lists none); running cpu on ...
 * }</pre>
 * It makes the launcher's choice ({@link BackendChoice#decide}, with the devices {@code nvidia-smi} lists), sets the
 * natives' JVM settings ({@link NativeSettings}), and loads ND4J with that backend:
 * <ul>
 * <li>The launcher steers ND4J through {@code BACKEND_PRIORITY_CPU} and {@code BACKEND_PRIORITY_GPU}, which ND4J
 * 1.0.0-M2.1 reads from the environment only (it has no system property for them), and a running JVM cannot change
 * its environment. Here ND4J loads through a class loader that, for the CPU, hides the CUDA backend's registration
 * ({@link BackendServices}), whatever the priorities say.</li>
 * <li>For CUDA nothing is hidden: ND4J ranks CUDA first unless the environment's priorities say otherwise, and the
 * CPU backend stays there for ND4J to fall back to when the CUDA one fails to load, which the result reports.</li>
 * </ul>
 * Calling it again, or after ND4J loaded the backend it chooses, is harmless.
 */
public final class Backends {
    private Backends() {
    }

    /**
     * Chooses ND4J's backend as the launcher does, and loads ND4J with it.
     *
     * @param request "auto" (CUDA on a supported device when this build has the CUDA backend, else the CPU), "cpu",
     *                or "cuda" (CUDA or an exception); any case
     * @return the backend that loaded, the choice, and one line saying both ({@link LoadedBackend#line()}); with
     *         "auto", a CUDA backend that failed to load leaves the CPU running, and the line says so
     * @throws IllegalArgumentException when the request is not auto, cpu or cuda, or "cuda" was requested and there
     *                                  is no supported device or no CUDA backend in this build
     * @throws IllegalStateException when ND4J has already loaded another backend than the one chosen, or "cuda" was
     *                               requested and the CUDA backend failed to load
     */
    public static LoadedBackend use(String request) {
        return use(BackendChoice.Request.parse(request), GpuProbe.onSystemPath(), BackendChoice.cudaBuilt());
    }

    /**
     * @param request what was asked for
     * @param probe where the devices are listed from
     * @param cudaBuilt whether to take the CUDA backend as present in this build
     * @return the backend that loaded, against the choice
     */
    static LoadedBackend use(BackendChoice.Request request, GpuProbe probe, boolean cudaBuilt) {
        BackendChoice choice = BackendChoice.decide(request, cudaBuilt, probe::scan);
        NativeSettings.apply();
        ClassLoader previous = ND4JClassLoading.getNd4jClassloader();
        BackendServices services = new BackendServices(previous, !choice.cuda());
        BackendInfo live;
        ND4JClassLoading.setNd4jClassloader(services);
        try {
            live = BackendInfo.live();
        } finally {
            ND4JClassLoading.setNd4jClassloader(previous);
        }
        if (!services.backendsLookedUp() && !live.backend().equals(choice.backend())) {
            throw new IllegalStateException("ND4J has already loaded its " + live.backend() + " backend, so the "
                    + choice.backend() + " backend chosen (" + choice.why() + ") cannot be used: call Backends.use "
                    + "before anything uses ND4J");
        }
        LoadedBackend loaded = LoadedBackend.check(choice, live);
        if (request == BackendChoice.Request.CUDA && !loaded.asChosen()) {
            throw new IllegalStateException("cannot use CUDA: " + loaded.loadFailure());
        }
        return loaded;
    }
}
