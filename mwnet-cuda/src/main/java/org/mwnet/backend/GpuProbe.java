package org.mwnet.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Lists CUDA devices through {@code nvidia-smi}, without loading any ND4J backend. */
public final class GpuProbe {
    private GpuProbe() {
    }

    /** @return the devices, empty when there is no NVIDIA driver or device */
    public static List<Gpu> devices() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap,memory.total",
                    "--format=csv,noheader,nounits").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? parse(out) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * @param csv nvidia-smi's {@code name, compute_cap, memory.total} lines
     * @return the devices (unparseable lines are skipped)
     */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length == 3) {
                try {
                    gpus.add(new Gpu(f[0].trim(), Double.parseDouble(f[1].trim()), Long.parseLong(f[2].trim())));
                } catch (NumberFormatException e) {
                    // not a device line
                }
            }
        }
        return gpus;
    }
}
