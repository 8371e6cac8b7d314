package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** {@code train} on {@link NoisyFiles}' small sets, with the flags the tests of runs on files share. */
final class FileRuns {
    /**
     * Flags every run shares: a small MLP and 50 iterations, with a learning rate that does not decay and a V that
     * learns fast enough to tell the corrupted samples in so few (V starts flat and, on sets this small, stays so for
     * hundreds of iterations at the default --meta-lr).
     */
    static final List<String> TRAINING = List.of("--model", "mlp", "--hidden", "32", "--epochs", "5",
            "--batch", "30", "--lr", "0.05", "--lr-decay", "1", "--meta-lr", "0.05", "--seed", "3");

    private FileRuns() {
    }

    /**
     * @param args the run's own flags (files, method, output)
     * @return the result of {@code train} with them and {@link #TRAINING}
     */
    static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(TRAINING);
        return CliRunner.run(all.toArray(String[]::new));
    }

    /**
     * @param args the run's own flags (files, method, output)
     * @return the result of a run that must succeed without an exception in its output
     */
    static CliRunner.Result train(String... args) {
        CliRunner.Result r = run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("Exception");
        return r;
    }
}
