package org.mwnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mwnet.train.Json;

/** Runs the PyTorch speed reference ({@code torch_mwnet_step.py}) in the same session, for a side-by-side ratio. */
public final class TorchReference {
    /**
     * Its result.
     *
     * @param msPerMwnetIter PyTorch's ms per MW-Net iteration
     * @param msPerCeStep PyTorch's ms per cross-entropy step
     * @param version torch version
     */
    public record Result(double msPerMwnetIter, double msPerCeStep, String version) {
    }

    private TorchReference() {
    }

    /**
     * @param script path of torch_mwnet_step.py
     * @param hidden MLP hidden width
     * @param batch batch size
     * @param threads torch threads
     * @param iters timed iterations
     * @return its timings
     * @throws IOException when the script is missing or fails (the message says how)
     */
    public static Result run(Path script, int hidden, int batch, int threads, int iters) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new java.nio.file.NoSuchFileException(script + ": PyTorch reference script not found (--torch-reference)");
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), "--hidden", "" + hidden,
                "--batch", "" + batch, "--threads", "" + threads, "--iters", "" + iters);
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
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0 || out.isEmpty()) {
            throw new IOException("PyTorch reference failed (exit " + p.exitValue()
                    + "); it needs Debian's python3-torch and libopenblas0-pthread");
        }
        JsonNode j = Json.MAPPER.readTree(out.substring(out.lastIndexOf('\n') + 1));
        return new Result(j.get("ms_per_mwnet_iter").asDouble(), j.get("ms_per_ce_step").asDouble(), j.get("torch").asText());
    }
}
