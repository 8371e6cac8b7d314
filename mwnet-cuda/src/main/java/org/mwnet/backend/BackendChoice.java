package org.mwnet.backend;

import java.util.List;
import java.util.Locale;

/**
 * Decides between ND4J's CPU and CUDA backends before ND4J loads. ND4J reads its backend priorities
 * ({@code BACKEND_PRIORITY_CPU}, {@code BACKEND_PRIORITY_GPU}) from the environment once, so the {@code ./mwnet}
 * launcher runs {@link #main} first and exports what it prints.
 *
 * @param backend "cpu" or "cuda"
 * @param reason one line saying why
 */
public record BackendChoice(String backend, String reason) {
    /** Environment variable holding the default request (auto, cpu or cuda). */
    public static final String ENV = "MWNET_BACKEND";
    /** The CUDA backend's class, present only in builds with {@code -Pcuda}. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

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
     * @param gpus the devices found
     * @return the choice
     * @throws IllegalArgumentException when CUDA was required and cannot be had; the message says why
     */
    public static BackendChoice decide(Request request, boolean cudaBuilt, List<Gpu> gpus) {
        if (request == Request.CPU) {
            return new BackendChoice("cpu", "backend cpu: requested");
        }
        String why = null;
        Gpu usable = gpus.stream().filter(Gpu::supported).findFirst().orElse(null);
        if (gpus.isEmpty()) {
            why = "no CUDA device found (nvidia-smi lists none)";
        } else if (usable == null) {
            why = "no supported CUDA device: " + gpus + "; ND4J 1.0.0-M2.1 runs on compute capability "
                    + Gpu.MIN_SUPPORTED + " to 8.6/8.9 (Kepler to Ada), not Hopper (9.0) or newer";
        } else if (!cudaBuilt) {
            why = "found " + usable + " but this build has no CUDA backend (rebuild with mvn -Pcuda install)";
        }
        if (why != null) {
            if (request == Request.CUDA) {
                throw new IllegalArgumentException("--backend cuda: " + why);
            }
            return new BackendChoice("cpu", "backend cpu: " + why);
        }
        return new BackendChoice("cuda", "backend cuda: " + usable);
    }

    /** @return whether the CUDA backend's classes are on the classpath */
    public static boolean cudaBuilt() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, BackendChoice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** @return shell lines exporting ND4J's backend priorities for this choice, and the reason */
    public String shellExports() {
        boolean cuda = backend.equals("cuda");
        return "export BACKEND_PRIORITY_CPU=" + (cuda ? 0 : 200) + "\nexport BACKEND_PRIORITY_GPU=" + (cuda ? 100 : -100)
                + "\nexport MWNET_BACKEND_CHOSEN=" + backend + "\nexport MWNET_BACKEND_REASON='"
                + reason.replace("'", "") + "'\n";
    }

    /**
     * Launcher entry: prints the shell exports for a request, or one error line and exit code 2.
     *
     * @param args one request (auto, cpu, cuda); default {@code $MWNET_BACKEND} or auto
     */
    public static void main(String[] args) {
        String requested = args.length > 0 ? args[0] : System.getenv().getOrDefault(ENV, "auto");
        try {
            System.out.print(decide(Request.parse(requested), cudaBuilt(), GpuProbe.devices()).shellExports());
        } catch (IllegalArgumentException e) {
            System.err.println("mwnet: " + e.getMessage());
            System.exit(2);
        }
    }
}
