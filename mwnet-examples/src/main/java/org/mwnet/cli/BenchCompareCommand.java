package org.mwnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwnet.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mwnet bench-compare A.json B.json}: two benchmark results side by side (e.g. CPU against CUDA). */
@Command(name = "bench-compare", mixinStandardHelpOptions = true,
        description = "Compare two 'mwnet bench --json' results side by side, model by model.")
final class BenchCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A.json", description = "First result (the baseline).")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "Second result.")
    Path b;

    @Spec
    CommandSpec spec;

    private static JsonNode read(Path p) throws Exception {
        if (!Files.isRegularFile(p)) {
            throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such benchmark result");
        }
        JsonNode j;
        try {
            j = Json.MAPPER.readTree(p.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(p + " is not JSON: " + e.getOriginalMessage());
        }
        if (!j.isArray() || j.isEmpty() || !j.get(0).has("ms_per_mwnet_iter")) {
            throw new IllegalArgumentException(p + " is not an 'mwnet bench --json' result (expected a list of records)");
        }
        return j;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode ra = read(a);
        JsonNode rb = read(b);
        var out = spec.commandLine().getOut();
        out.printf("%-9s %6s %-22s %12s %12s %8s%n", "model", "hidden", "metric", "A", "B", "B/A");
        for (JsonNode x : ra) {
            for (JsonNode y : rb) {
                if (x.get("model").equals(y.get("model")) && x.get("hidden").equals(y.get("hidden"))) {
                    String label = x.get("model").asText();
                    for (String f : new String[] {"ms_per_mwnet_iter", "ms_per_ce_step", "images_per_s", "gflops_mwnet"}) {
                        double va = x.path(f).asDouble(Double.NaN); // null (not measured) shows as NaN
                        double vb = y.path(f).asDouble(Double.NaN);
                        out.printf("%-9s %6d %-22s %12.2f %12.2f %8.2f%n", label, x.get("hidden").asInt(), f, va, vb, vb / va);
                    }
                    out.printf("%-9s %6s %-22s %12s %12s%n", label, "", "backend/threads",
                            x.get("backend").asText() + "/" + x.get("threads").asInt(),
                            y.get("backend").asText() + "/" + y.get("threads").asInt());
                }
            }
        }
        out.flush();
        return 0;
    }
}
