package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.train.Json;

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
        assertThat(r.err()).contains("backend cpu: no CUDA device found");
        JsonNode j = Json.MAPPER.readTree(file.toFile());
        assertThat(j).hasSize(2);
        for (JsonNode rec : j) {
            for (String f : new String[] {"model", "hidden", "batch", "threads", "backend", "ms_per_mwnet_iter",
                "ms_per_ce_step", "images_per_s", "flops_per_mwnet_iter", "gflops_mwnet", "gflops_matmul"}) {
                assertThat(rec.has(f)).as(f).isTrue();
            }
            assertThat(rec.get("backend").asText()).isEqualTo("cpu");
            assertThat(rec.get("ms_per_mwnet_iter").asDouble()).isPositive();
        }
        assertThat(j.get(1).get("model").asText()).isEqualTo("lenet");
        assertThat(j.get(0).get("flops_per_mwnet_iter").asDouble())
                .isEqualTo(2.0 * 15 * (784 * 16 + 16 * 16 + 16 * 10) * 10);

        CliRunner.Result c = CliRunner.run("bench-compare", file.toString(), file.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("ms_per_mwnet_iter").contains("1.00").contains("cpu/1");
    }

    @Test
    void badInputsGiveOneLine() throws Exception {
        Path notBench = Files.writeString(tmp.resolve("x.json"), "{\"a\": 1}");
        String[][] cases = {
            {"bench", "--model", "transformer"},
            {"bench", "--backend", "cuda", "--iters", "1"},
            {"bench", "--backend", "tpu"},
            {"bench-compare", notBench.toString(), notBench.toString()},
            {"bench-compare", tmp.resolve("none.json").toString(), notBench.toString()},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").startsWith("mwnet ").doesNotContain("Exception");
        }
    }
}
