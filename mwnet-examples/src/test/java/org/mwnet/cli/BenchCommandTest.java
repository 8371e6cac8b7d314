package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.io.Json;

/** The benchmark suite's commands with tiny budgets (what they measure is not asserted: timings are not tests). */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void benchWritesOneRecordPerModelAndCompareReadsThem() throws Exception {
        Path file = tmp.resolve("cpu.json");
        CliRunner.Result r = CliRunner.run("bench", "--model", "mlp,lenet", "--hidden", "16", "--batch", "10",
                "--warmup", "1", "--repeats", "1", "--iters", "2", "--epoch-iters", "2", "--json", file.toString(),
                "--backend", "auto");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // which backend runs, and why, depends on this machine's devices; that the line names the backend which
        // loaded, and the records the same one, does not
        Matcher line = Pattern.compile("mwnet: backend (cpu|cuda): .+; running (cpu|cuda) on ").matcher(r.err());
        assertThat(line.find()).as(r.err()).isTrue();
        String backend = line.group(2);
        assertThat(line.group(1)).as("the line's backend is the one that runs").isEqualTo(backend);
        JsonNode j = Json.MAPPER.readTree(file.toFile());
        assertThat(j).hasSize(2);
        for (JsonNode rec : j) {
            for (String f : new String[] {"model", "hidden", "batch", "meta_interval", "meta_layers", "threads",
                "backend", "ms_per_mwnet_iter",
                "ms_per_ce_step", "images_per_s", "flops_per_mwnet_iter", "gflops_mwnet", "gflops_matmul",
                "peak_rss_mb", "native_mb"}) {
                assertThat(rec.has(f)).as(f).isTrue();
            }
            assertThat(rec.get("backend").asText()).isEqualTo(backend);
            assertThat(rec.get("meta_interval").asInt()).as("the exact step by default").isEqualTo(1);
            assertThat(rec.get("meta_layers").asText()).isEqualTo("all");
            assertThat(rec.get("ms_per_mwnet_iter").asDouble()).isPositive();
            assertThat(rec.get("peak_rss_mb").asDouble()).as("peak resident memory read from /proc").isGreaterThan(50);
            assertThat(rec.has("pytorch")).as("no reference asked for").isFalse();
        }
        assertThat(j.get(1).get("model").asText()).isEqualTo("lenet");
        assertThat(j.get(0).get("flops_per_mwnet_iter").asDouble())
                .isEqualTo(2.0 * 15 * (784 * 16 + 16 * 16 + 16 * 10) * 10);

        // a second result, made by hand: the MLP twice as slow per iteration on 2 threads, LeNet absent
        ArrayNode slower = Json.MAPPER.createArrayNode();
        slower.add(((ObjectNode) j.get(0).deepCopy()).put("ms_per_mwnet_iter", 2 * j.get(0).get("ms_per_mwnet_iter").asDouble())
                .put("threads", 2));
        Path other = Files.writeString(tmp.resolve("slower.json"), Json.MAPPER.writeValueAsString(slower));
        CliRunner.Result c = CliRunner.run("bench-compare", file.toString(), other.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).containsPattern("mlp +16 ms_per_mwnet_iter +[0-9.]+ +[0-9.]+ +2\\.00\\n")
                .containsPattern("mlp +16 ms_per_ce_step +[0-9.]+ +[0-9.]+ +1\\.00\\n")
                .contains(backend + "/1").contains(backend + "/2").doesNotContain("lenet");
    }

    /** A stand-in for torch_mwnet_step.py that insists on the given arguments and reports fixed times. */
    private Path fakeTorch(String name, String expectedArguments) throws java.io.IOException {
        return Files.writeString(tmp.resolve(name), String.join("\n",
                "import json, sys",
                "a = sys.argv[1:]",
                "want = " + expectedArguments,
                "if a != want: sys.exit('unexpected arguments %s' % a)",
                "print(json.dumps(dict(torch='fake', ms_per_mwnet_iter=4.0, ms_per_ce_step=2.0)))", ""));
    }

    /**
     * The stand-in insists on the arguments mwnet's side used, so the comparison's plumbing (arguments, repetitions,
     * statistic, ratios) is checked without PyTorch.
     */
    @Test
    void torchReferenceRunsWithTheSameSettingsAndGivesRatios() throws Exception {
        Path fake = fakeTorch("fake_torch.py", "['--model', 'lenet', '--hidden', '16', '--batch', '10', '--threads', "
                + "'1', '--warmup', '1', '--iters', '2', '--meta-interval', '1', '--meta-layers', 'all']");
        Path file = tmp.resolve("vs.json");
        CliRunner.Result r = CliRunner.run("bench", "--model", "lenet", "--hidden", "16", "--batch", "10", "--warmup", "1",
                "--repeats", "3", "--iters", "2", "--epoch-iters", "0", "--torch-reference", fake.toString(),
                "--json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("PyTorch fake: 4.00 [4.00-4.00] ms/mwnet iter");
        JsonNode rec = Json.MAPPER.readTree(file.toFile()).get(0);
        assertThat(rec.get("images_per_s").isNull()).as("no epoch run: null, not the string NaN").isTrue();
        JsonNode torch = rec.get("pytorch");
        assertThat(torch.get("ms_per_mwnet_iter").asDouble()).isEqualTo(4.0);
        assertThat(torch.get("ratio_mwnet_iter").asDouble()).isEqualTo(rec.get("ms_per_mwnet_iter").asDouble() / 4.0);
        assertThat(torch.get("ratio_ce_step").asDouble()).isEqualTo(rec.get("ms_per_ce_step").asDouble() / 2.0);
        assertThat(torch.get("peak_rss_mb").asDouble()).as("the interpreter's own peak").isPositive();
    }

    /**
     * Each meta interval and look-ahead choice is measured, both sides run the same one, and warm-up and timed
     * iterations are whole cycles of the interval (1 and 2 iterations asked, 3 run with k = 3).
     */
    @Test
    void cheaperMetaStepsAreMeasuredBesideTheReferencesOwn() throws Exception {
        Path fake = fakeTorch("fake_variant.py", "['--model', 'mlp', '--hidden', '16', '--batch', '10', '--threads', "
                + "'1', '--warmup', '3', '--iters', '3', '--meta-interval', '3', '--meta-layers', 'last']");
        Path file = tmp.resolve("variant.json");
        CliRunner.Result r = CliRunner.run("bench", "--model", "mlp", "--hidden", "16", "--batch", "10", "--warmup",
                "1", "--repeats", "1", "--iters", "2", "--epoch-iters", "0", "--meta-interval", "3", "--meta-layers",
                "last", "--torch-reference", fake.toString(), "--json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("mlp +16 +10 +3 last ");
        JsonNode rec = Json.MAPPER.readTree(file.toFile()).get(0);
        assertThat(rec.get("meta_interval").asInt()).isEqualTo(3);
        assertThat(rec.get("meta_layers").asText()).isEqualTo("last");
        assertThat(rec.get("pytorch").get("ms_per_mwnet_iter").asDouble()).isEqualTo(4.0);

        Path all = tmp.resolve("grid.json");
        CliRunner.Result grid = CliRunner.run("bench", "--model", "mlp", "--hidden", "16", "--batch", "10", "--warmup",
                "0", "--repeats", "1", "--iters", "1", "--epoch-iters", "0", "--meta-interval", "1,2", "--meta-layers",
                "all,2", "--json", all.toString());
        assertThat(grid.exitCode()).as(grid.err()).isZero();
        JsonNode records = Json.MAPPER.readTree(all.toFile());
        assertThat(records).hasSize(4);
        assertThat(records.get(3).get("meta_layers").asText()).isEqualTo("2");
        assertThat(records.get(3).get("meta_interval").asInt()).isEqualTo(2);
        assertThat(records.get(3).get("method").asText()).isEqualTo("mwnet");
    }

    @Test
    void theClassAwareIterationIsMeasuredAndRecordedButNotBesideThePlainReference() throws Exception {
        Path file = tmp.resolve("cmwnet.json");
        CliRunner.Result r = CliRunner.run("bench", "--model", "mlp", "--hidden", "16", "--batch", "10", "--warmup",
                "0", "--repeats", "1", "--iters", "1", "--epoch-iters", "0", "--method", "cmwnet", "--json",
                file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(file.toFile()).get(0).get("method").asText()).isEqualTo("cmwnet");
        Path fake = fakeTorch("fake_plain.py", "[]");
        assertOneLineError(CliRunner.run("bench", "--method", "cmwnet", "--torch-reference", fake.toString()),
                "bench", "--method cmwnet: the PyTorch reference (--torch-reference) times MW-Net's plain V only");
        assertOneLineError(CliRunner.run("bench", "--method", "ce"), "bench", "the benchmark measures a method that "
                + "learns V (mwnet or cmwnet) beside ce, not ce");
    }

    @Test
    void anUnwritableJsonTargetIsRefusedBeforeMeasuringAndNothingIsCreated() {
        Path missing = tmp.resolve("no").resolve("dir");
        String[][] cases = {
            {"--json: directory " + missing + " does not exist", missing.resolve("x.json").toString()},
            // root may "write" /proc by its permission bits; a real write fails
            {"--json /proc/x.json: cannot create files in /proc", "/proc/x.json"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = CliRunner.run("bench", "--json", c[1], "--iters", "1", "--warmup", "0", "--repeats", "1",
                    "--epoch-iters", "0", "--batch", "4", "--hidden", "8");
            assertOneLineError(r, "bench").startsWith(c[0]).doesNotContain(".part");
            assertThat(r.out()).as("nothing measured").isEmpty();
        }
        assertThat(tmp.resolve("no")).as("no directory created").doesNotExist();
    }

    @Test
    void badInputsGiveOneLine() throws Exception {
        Path notBench = Files.writeString(tmp.resolve("x.json"), "{\"a\": 1}");
        String[][] cases = {
            {"bench", "--model", "transformer"},
            {"bench", "--backend", "cuda", "--iters", "1"},
            {"bench", "--backend", "tpu"},
            {"bench", "--model", "resnet32", "--batch", "1000000", "--iters", "1"},
            {"bench", "--model", "resnet32", "--hidden", "3", "--iters", "1"},
            {"bench", "--model", "lenet", "--torch-reference", tmp.resolve("missing.py").toString(), "--iters", "1",
                "--warmup", "0", "--repeats", "1", "--epoch-iters", "0", "--batch", "4", "--hidden", "8"},
            {"bench", "--model", "mlp", "--meta-layers", "last-stage", "--iters", "1"},
            {"bench", "--model", "mlp", "--meta-layers", "4", "--iters", "1"},
            {"bench", "--meta-interval", "0", "--iters", "1"},
            {"bench", "--model", "lenet", "--meta-layers", "2", "--torch-reference", notBench.toString(), "--iters",
                "1"},
            {"bench-compare", notBench.toString(), notBench.toString()},
            {"bench-compare", tmp.resolve("none.json").toString(), notBench.toString()},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertOneLineError(r, args[0]).doesNotContain("Exception");
        }
    }
}
