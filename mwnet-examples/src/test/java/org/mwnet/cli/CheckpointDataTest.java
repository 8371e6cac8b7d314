package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.TestData;

/**
 * A checkpoint remembers which copy of the data its run used: another copy with the same settings (other pixels
 * under the same file names) is refused by {@code train --resume} and {@code eval} with one line and exit code 2.
 */
class CheckpointDataTest {
    @TempDir
    Path tmp;

    @Test
    void resumeAndEvalRefuseAnotherCopyOfTheData() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path other = tmp.resolve("other");
        TestData.writeIdxDataset(other.resolve("fashion-mnist"), 700, 100, 10, 6);
        Path out = tmp.resolve("run");
        String[] train = {"train", "--method", "ce", "--meta-size", "100", "--hidden", "8", "--epochs", "1",
            "--batch", "50", "--out", out.toString(), "--data-dir"};
        CliRunner.Result r = CliRunner.run(concat(train, data.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path checkpoint = out.resolve("checkpoint.zip");

        assertOneLineError(CliRunner.run(concat(train, other.toString(), "--resume")), "train", checkpoint
                + " was trained on other data (different contents); resume with the same data files");
        assertOneLineError(CliRunner.run("eval", checkpoint.toString(), "--data-dir", other.toString()), "eval",
                checkpoint + " was trained on other data (different contents in the test set); evaluate with the same "
                        + "fashion-mnist files");
        CliRunner.Result same = CliRunner.run("eval", checkpoint.toString(), "--data-dir", data.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
