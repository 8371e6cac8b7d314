package org.mwnet.backend;

import java.util.function.Supplier;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * The backend ND4J loaded, set against the one chosen for it. ND4J does not refuse when the backend with the highest
 * priority fails to load: it logs a warning and takes the next, the CPU. So what runs is reported from what loaded,
 * and a choice that did not load is named with the reason it failed.
 *
 * @param choice what was chosen before ND4J loaded
 * @param info what ND4J loaded
 * @param loadFailure why the chosen backend is not the one that loaded, or null when it is
 */
public record LoadedBackend(BackendChoice choice, BackendInfo info, String loadFailure) {

    /**
     * @param choice what was chosen before ND4J loaded
     * @param live what ND4J loaded ({@link BackendInfo#live()})
     * @return the two set against each other; when CUDA was chosen and the CPU loaded, the CUDA backend is asked
     *         why it cannot run
     */
    public static LoadedBackend check(BackendChoice choice, BackendInfo live) {
        return check(choice, live, LoadedBackend::whyCudaDidNotLoad);
    }

    /**
     * @param choice what was chosen
     * @param live what ND4J loaded
     * @param cudaFailure why the CUDA backend did not load, asked only when it was chosen and the CPU loaded
     * @return the two set against each other
     */
    static LoadedBackend check(BackendChoice choice, BackendInfo live, Supplier<String> cudaFailure) {
        if (choice.backend().equals(live.backend())) {
            return new LoadedBackend(choice, live, null);
        }
        String failure = choice.cuda()
                ? "CUDA device found (" + choice.why() + ") but the CUDA backend failed to load: " + cudaFailure.get()
                : choice.backend() + " was chosen (" + choice.why() + ") but ND4J loaded its " + live.backend() + " backend";
        return new LoadedBackend(choice, live, failure);
    }

    /** @return whether the chosen backend is the one that loaded */
    public boolean asChosen() {
        return loadFailure == null;
    }

    /** @return which backend runs and why, e.g. "backend cpu: requested" */
    public String reason() {
        return asChosen() ? choice.reason() : "backend " + info.backend() + ": " + loadFailure;
    }

    /** @return {@link #reason()} and a description of the backend, in one line */
    public String line() {
        return reason() + "; running " + info;
    }

    /**
     * ND4J catches what the CUDA backend's availability check throws and logs it; asking the check again (it
     * repeats the device count and the native loads that failed) gives the reason back. The backend is looked up
     * where ND4J looks it up.
     */
    private static String whyCudaDidNotLoad() {
        Class<?> cuda;
        try {
            cuda = Class.forName(BackendChoice.CUDA_BACKEND_CLASS, true, ND4JClassLoading.getNd4jClassloader());
        } catch (ClassNotFoundException e) {
            return "this build has no CUDA backend (" + BackendChoice.CUDA_BACKEND_CLASS + " is not on the classpath)";
        } catch (LinkageError e) {
            return rootCause(e);
        }
        try {
            Nd4jBackend backend = (Nd4jBackend) cuda.getDeclaredConstructor().newInstance();
            return backend.isAvailable()
                    ? "it reports itself available, yet ND4J ranked the CPU first (see BACKEND_PRIORITY_CPU and "
                            + "BACKEND_PRIORITY_GPU in the environment)"
                    : "it reports itself unavailable";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return rootCause(e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
