package org.mwnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mwnet.io.Json;

/**
 * Runs the PyTorch speed reference ({@code torch_mwnet_step.py}) in the same session, for a side-by-side ratio, with
 * the same meta step ({@link #HAS_META_LAYERS}: the script's look-ahead is exact or through the final layer only).
 * It is run once per repetition with the same warm-up and iterations as mwnet's side, so both report the median
 * and the spread of per-repetition means; each run's peak resident memory is read from the interpreter itself.
 */
public final class TorchReference {
    /**
     * Runs the script as its main module, then prints the interpreter's peak resident memory as a JSON line. The peak
     * is the kernel's VmHWM, which starts anew at exec; getrusage's maxrss would carry over the JVM's own peak from
     * the fork that started the interpreter.
     */
    private static final String WRAPPER = "import json, runpy, sys\n"
            + "script = sys.argv[1]; sys.argv = sys.argv[1:]\n"
            + "runpy.run_path(script, run_name='__main__')\n"
            + "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
            + "print(json.dumps({'peak_rss_kib': int(hwm)}))\n";

    /**
     * Its result.
     *
     * @param mwnet ms per MW-Net iteration: median and spread of the repetitions
     * @param ce ms per cross-entropy step: median and spread
     * @param peakRssMb the largest peak resident memory of the runs, in MiB
     * @param version torch version
     */
    record Result(Timing.Result mwnet, Timing.Result ce, double peakRssMb, String version) {
    }

    /** The look-ahead choices the script has ({@code --meta-layers}). */
    public static final List<String> HAS_META_LAYERS = List.of("all", "last");

    private TorchReference() {
    }

    /**
     * Runs the reference with mwnet's settings and compares it with mwnet's record.
     *
     * @param script path of torch_mwnet_step.py
     * @param s the settings mwnet's side used
     * @param threads torch threads
     * @param mine mwnet's record for those settings
     * @return PyTorch's figures and mwnet's time ratios
     * @throws IOException when the script is missing or fails (the message says how)
     */
    public static PytorchComparison compare(Path script, IterationBenchmark.Settings s, int threads, BenchRecord mine)
            throws IOException {
        return PytorchComparison.of(mine, run(script, s, threads));
    }

    /**
     * @param script path of torch_mwnet_step.py
     * @param s the model, sizes, warm-up, repetitions and iterations mwnet's side used
     * @param threads torch threads
     * @return its timings
     * @throws IOException when the script is missing or fails (the message says how)
     */
    static Result run(Path script, IterationBenchmark.Settings s, int threads) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new java.nio.file.NoSuchFileException(script.toString(), null, "PyTorch reference script not found (--torch-reference)");
        }
        double[] mwnet = new double[s.repeats()];
        double[] ce = new double[s.repeats()];
        double peakKib = 0;
        String version = "";
        for (int r = 0; r < s.repeats(); r++) {
            List<String> lines = runOnce(script, List.of("--model", s.model(), "--hidden", "" + s.hidden(),
                    "--batch", "" + s.batch(), "--threads", "" + threads, "--warmup", "" + s.warmup(),
                    "--iters", "" + s.iters(), "--meta-interval", "" + s.metaInterval(),
                    "--meta-layers", s.metaLayers()));
            JsonNode timing = Json.MAPPER.readTree(lines.get(lines.size() - 2));
            mwnet[r] = timing.get("ms_per_mwnet_iter").asDouble();
            ce[r] = timing.get("ms_per_ce_step").asDouble();
            version = timing.get("torch").asText();
            peakKib = Math.max(peakKib, Json.MAPPER.readTree(lines.get(lines.size() - 1)).get("peak_rss_kib").asDouble());
        }
        return new Result(Timing.summarise(mwnet), Timing.summarise(ce), peakKib / 1024, version);
    }

    private static List<String> runOnce(Path script, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", WRAPPER, script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("PyTorch reference timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> lines = Arrays.stream(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .strip().split("\n")).filter(l -> l.startsWith("{")).toList();
        if (p.exitValue() != 0 || lines.size() < 2) {
            throw new IOException("PyTorch reference failed (exit " + p.exitValue()
                    + "); it needs Debian's python3-torch and libopenblas0-pthread");
        }
        return lines;
    }
}
