package org.mwnet.backend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lists CUDA devices through {@code nvidia-smi}, without loading any ND4J backend.
 * <p>
 * The probe looks {@code nvidia-smi} up on a search path itself, rather than leaving it to the operating system:
 * a child process is found on the JVM's own {@code PATH}, which a test cannot change, while a probe given a search
 * path can be pointed at a stand-in {@code nvidia-smi}. Besides a list of devices it tells apart the answers that
 * are not one: no {@code nvidia-smi} at all, a driver too old to know the {@code compute_cap} field (drivers before
 * R510), and any other failure.
 */
public final class GpuProbe {
    /** The query: one line per device, {@code name, compute capability, memory in MiB}. */
    static final List<String> QUERY = List.of("--query-gpu=name,compute_cap,memory.total", "--format=csv,noheader,nounits");
    /** What nvidia-smi prints, with exit code 6, when the driver is there but no device is. */
    static final String NO_DEVICES = "No devices were found";
    private static final long TIMEOUT_SECONDS = 20;

    private final String searchPath;

    /** @param searchPath directories to look for {@code nvidia-smi} in, separated as in {@code PATH} */
    GpuProbe(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** @return a probe that runs the {@code nvidia-smi} on this process's {@code PATH} */
    public static GpuProbe onSystemPath() {
        return new GpuProbe(System.getenv("PATH"));
    }

    /** @return the devices nvidia-smi lists, or why it lists none */
    public GpuScan scan() {
        Optional<Path> smi = locate();
        if (smi.isEmpty()) {
            return GpuScan.failed("no CUDA device found (nvidia-smi not found on the PATH)");
        }
        List<String> command = new ArrayList<>();
        command.add(smi.get().toString());
        command.addAll(QUERY);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return GpuScan.failed("nvidia-smi did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return interpret(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return GpuScan.failed("nvidia-smi could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GpuScan.failed("interrupted while waiting for nvidia-smi");
        }
    }

    private Optional<Path> locate() {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "nvidia-smi");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param exitCode nvidia-smi's exit code
     * @param output what it printed (standard output and error)
     * @return the scan that answer means
     */
    static GpuScan interpret(int exitCode, String output) {
        String said = output.strip().lines().findFirst().orElse("");
        if (exitCode == 0) {
            List<Gpu> gpus = parse(output);
            return gpus.isEmpty() && !said.isEmpty()
                    ? GpuScan.failed("nvidia-smi's answer was not understood: " + said)
                    : GpuScan.listed(gpus);
        }
        if (said.startsWith(NO_DEVICES)) {
            return GpuScan.listed(List.of());
        }
        if (said.contains("compute_cap") && said.contains("not a valid field")) {
            return GpuScan.failed("NVIDIA driver too old to report compute capability (nvidia-smi: " + said
                    + "); update the driver to use CUDA");
        }
        return GpuScan.failed("nvidia-smi failed (exit code " + exitCode + "): " + (said.isEmpty() ? "no output" : said));
    }

    /**
     * @param csv nvidia-smi's {@code name, compute_cap, memory.total} lines
     * @return the devices (lines without a name and a compute capability are skipped; a memory the driver does not
     *         report, such as {@code [N/A]}, is -1)
     */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length == 3) {
                try {
                    gpus.add(new Gpu(f[0].trim(), Double.parseDouble(f[1].trim()), memoryMiB(f[2].trim())));
                } catch (NumberFormatException e) {
                    // not a device line
                }
            }
        }
        return gpus;
    }

    private static long memoryMiB(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
