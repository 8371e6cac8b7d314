package org.mwnet.backend;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Decides between ND4J's CPU and CUDA backends before ND4J loads. ND4J 1.0.0-M2.1 reads its backend priorities
 * ({@code BACKEND_PRIORITY_CPU}, {@code BACKEND_PRIORITY_GPU}) from the environment only, once, so the {@code ./mwnet}
 * launcher runs {@link #main} first and exports what it prints; library code calls {@link Backends#use} instead.
 *
 * @param backend "cpu" or "cuda"
 * @param why why this backend, e.g. "requested" or the device found
 */
public record BackendChoice(String backend, String why) {
    /** Environment variable holding the default request (auto, cpu or cuda). */
    public static final String ENV = "MWNET_BACKEND";
    /** The CUDA backend's class, present only in builds with {@code -Pcuda}. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** Environment variable through which the launcher hands the chosen backend to the tool. */
    static final String CHOSEN_ENV = "MWNET_BACKEND_CHOSEN";
    /** Environment variable through which the launcher hands the reason for its choice to the tool. */
    static final String WHY_ENV = "MWNET_BACKEND_WHY";

    /** The requests a user can make. */
    public enum Request {
        /** CUDA when a supported device and the CUDA backend are there, else the CPU. */
        AUTO,
        /** Always the CPU. */
        CPU,
        /** CUDA or a clear refusal. */
        CUDA;

        /**
         * @param s auto, cpu or cuda (any case)
         * @return the request
         */
        public static Request parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown backend '" + s + "'; expected auto, cpu or cuda");
            }
        }
    }

    /**
     * @param request what the user asked for
     * @param cudaBuilt whether the CUDA backend is on the classpath
     * @param scan the devices found, asked for only when the request is not {@code CPU}
     * @return the choice
     * @throws IllegalArgumentException when CUDA was required and cannot be had; the message says why
     */
    public static BackendChoice decide(Request request, boolean cudaBuilt, Supplier<GpuScan> scan) {
        if (request == Request.CPU) {
            return new BackendChoice("cpu", "requested");
        }
        GpuScan found = scan.get();
        Gpu usable = found.devices().stream().filter(Gpu::supported).findFirst().orElse(null);
        String why = null;
        if (found.devices().isEmpty()) {
            why = found.whyNone();
        } else if (usable == null) {
            why = "no supported CUDA device: " + found.devices() + "; ND4J 1.0.0-M2.1 runs on compute capability "
                    + Gpu.MIN_SUPPORTED + " to 8.6/8.9 (Kepler to Ada), not Hopper (9.0) or newer";
        } else if (!cudaBuilt) {
            why = "found " + usable + " but this build has no CUDA backend (rebuild with mvn -Pcuda install)";
        }
        if (why == null) {
            return new BackendChoice("cuda", usable.toString());
        }
        if (request == Request.CUDA) {
            throw new IllegalArgumentException("cannot use CUDA: " + why);
        }
        return new BackendChoice("cpu", why);
    }

    /** @return whether the CUDA backend's classes are on the classpath (where ND4J looks for its backends) */
    public static boolean cudaBuilt() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, ND4JClassLoading.getNd4jClassloader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** @return one line saying which backend was chosen and why, e.g. "backend cpu: requested" */
    public String reason() {
        return "backend " + backend + ": " + why;
    }

    /** @return whether CUDA was chosen */
    public boolean cuda() {
        return backend.equals("cuda");
    }

    /** @return shell lines exporting ND4J's backend priorities for this choice, and the choice itself */
    public String shellExports() {
        return "export BACKEND_PRIORITY_CPU=" + (cuda() ? 0 : 200) + "\nexport BACKEND_PRIORITY_GPU=" + (cuda() ? 100 : -100)
                + "\nexport " + CHOSEN_ENV + "=" + backend + "\nexport " + WHY_ENV + "=" + shellQuoted(why) + "\n";
    }

    private static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * @param env an environment, normally {@link System#getenv()}
     * @return the choice the launcher exported into it ({@link #shellExports}), if any
     */
    public static Optional<BackendChoice> fromLauncher(Map<String, String> env) {
        String chosen = env.get(CHOSEN_ENV);
        String why = env.get(WHY_ENV);
        return chosen == null || why == null ? Optional.empty() : Optional.of(new BackendChoice(chosen, why));
    }

    /**
     * Launcher entry: prints the shell exports for a request, or one error line and exit code 2.
     *
     * @param args one request (auto, cpu, cuda); default {@code $MWNET_BACKEND} or auto
     */
    public static void main(String[] args) {
        String requested = args.length > 0 ? args[0] : System.getenv().getOrDefault(ENV, "auto");
        try {
            System.out.print(decide(Request.parse(requested), cudaBuilt(), GpuProbe.onSystemPath()::scan).shellExports());
        } catch (IllegalArgumentException e) {
            System.err.println("mwnet: " + e.getMessage());
            System.exit(2);
        }
    }
}
