package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.mwnet.train.Json;
import org.junit.jupiter.api.Test;

class DataCommandTest {
    @Test
    void printsTheSummaryOfNoisyFashionMnistAsJson() throws Exception {
        CliRunner.Result r = CliRunner.run("data", "--dataset", "fashion-mnist", "--noise", "uniform",
                "--noise-rate", "0.4", "--seed", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("train_size").asInt()).isEqualTo(59_000);
        assertThat(j.get("meta_size").asInt()).isEqualTo(1000);
        assertThat(j.get("test_size").asInt()).isEqualTo(10_000);
        assertThat(j.get("num_classes").asInt()).isEqualTo(10);
        assertThat(j.get("noisy_fraction").asDouble()).isBetween(0.35, 0.37);
        assertThat(j.get("per_class_counts")).hasSize(10);
        assertThat(j.get("meta_train_overlap").asInt()).isZero();
    }

    @Test
    void badValuesGiveOneLineAndNonZeroExit() {
        String[][] cases = {
            {"data", "--noise", "uniform", "--noise-rate", "1.5"},
            {"data", "--noise", "gauss", "--noise-rate", "0.2"},
            {"data", "--dataset", "imagenet"},
            {"data", "--data-dir", "/no/such/dir"},
            {"data", "--meta-size", "1001"},
            {"data", "--noise-rate", "abc"},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n").startsWith("mwnet data: ")
                    .doesNotContain("Exception");
        }
    }
}
