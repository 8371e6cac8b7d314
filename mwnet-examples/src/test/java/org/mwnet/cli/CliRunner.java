package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mwnet.data.TestData;

/** Runs the command-line tool in-process and captures what it prints. */
final class CliRunner {
    /** What one invocation produced. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Writes a small Fashion-MNIST look-alike: 700 training and 100 test images of random pixels, labels i mod 10.
     *
     * @param tmp a scratch folder
     * @return the folder to pass as {@code --data-dir}
     */
    static Path smallData(Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        TestData.writeIdxDataset(data.resolve("fashion-mnist"), 700, 100, 10, 5);
        return data;
    }

    /**
     * Writes a small Fashion-MNIST look-alike whose classes a small MLP learns within an epoch: 700 training and 100
     * test images, each half its class's fixed random pattern and half random pixels, labels i mod 10.
     *
     * @param tmp a scratch folder
     * @return the folder to pass as {@code --data-dir}
     */
    static Path learnableData(Path tmp) throws IOException {
        Path data = tmp.resolve("learnable");
        TestData.writeLearnableIdxDataset(data.resolve("fashion-mnist"), 700, 100, 10, 5);
        return data;
    }

    /**
     * @param data a {@code --data-dir} (e.g. {@link #smallData})
     * @param out the run directory
     * @param more further arguments
     * @return the arguments of a small, quick {@code train}: meta set 100, MLP width 8, one epoch of batches of 50
     */
    static List<String> smallTrain(Path data, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--meta-size", "100",
                "--hidden", "8", "--epochs", "1", "--batch", "50", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }
}
