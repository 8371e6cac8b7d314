package org.mwnet.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The live ND4J backend: which one, its device, its BLAS and thread settings.
 *
 * @param backend "cpu" or "cuda"
 * @param device CPU model or GPU name
 * @param computeCapability GPU compute capability, null on the CPU
 * @param memoryMiB device memory (GPU) or JVM heap limit (CPU) in MiB
 * @param blas BLAS vendor
 * @param threads ND4J's native thread limit
 * @param nativeBuild what the native library says of its build (CPU instruction set)
 */
public record BackendInfo(String backend, String device, @JsonProperty("compute_capability") String computeCapability,
                          @JsonProperty("memory_mib") long memoryMiB, String blas, int threads,
                          @JsonProperty("native_build") String nativeBuild) {

    /** @return a description of the backend ND4J loaded (loading it if needed) */
    public static BackendInfo live() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", "CPU")).toLowerCase(java.util.Locale.ROOT);
        boolean cuda = backend.contains("cuda");
        String device = cuda ? firstDevice(env, "cuda.deviceName") : cpuModel();
        String cc = cuda ? firstDevice(env, "cuda.deviceMajor") + "." + firstDevice(env, "cuda.deviceMinor") : null;
        long mem = cuda ? Long.parseLong(firstDevice(env, "cuda.totalMemory")) >> 20 : Runtime.getRuntime().maxMemory() >> 20;
        String blas = String.valueOf(env.getOrDefault("blas.vendor", Nd4j.factory().blas().getBlasVendor()));
        return new BackendInfo(cuda ? "cuda" : "cpu", device, cc, mem, blas, Threads.current(),
                Nd4j.getExecutioner().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().blasMajorVersion()
                        + "." + Nd4j.getEnvironment().blasMinorVersion() + "." + Nd4j.getEnvironment().blasPatchVersion());
    }

    private static String firstDevice(Properties env, String key) {
        Object list = env.get("cuda.devicesInformation");
        if (list instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof java.util.Map<?, ?> m) {
            return String.valueOf(m.get(key));
        }
        return "?";
    }

    private static String cpuModel() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch")) + " x" + Runtime.getRuntime().availableProcessors();
        } catch (java.io.IOException e) {
            return System.getProperty("os.arch");
        }
    }

    @Override
    public String toString() {
        return backend + " on " + device + (computeCapability == null ? "" : " (cc " + computeCapability + ")")
                + ", " + memoryMiB + " MiB, BLAS " + blas + ", " + threads + " thread(s)";
    }
}
