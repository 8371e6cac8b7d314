package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mwnet.data.TestData;
import org.mwnet.testing.Unprivileged;

/** Runs the command-line tool in-process and captures what it prints; the tests of other packages use it too. */
public final class CliRunner {
    /**
     * What one invocation produced.
     *
     * @param args the tool's arguments
     * @param exitCode its exit code
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    public record Result(List<String> args, int exitCode, String out, String err) {
        /**
         * @return this result without the line that reports the backend ({@code mwnet: backend ...}), which a command
         *     prints on standard error once it has loaded ND4J
         */
        public Result withoutBackendReport() {
            return new Result(args, exitCode, out, err.lines().filter(line -> !line.startsWith("mwnet: backend "))
                    .map(line -> line + System.lineSeparator()).collect(Collectors.joining()));
        }
    }

    private CliRunner() {
    }

    /**
     * @param args the tool's arguments
     * @return what it did
     */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(List.of(args), code, out.toString(), err.toString());
    }

    /**
     * @param args the tool's arguments
     * @return what it did
     */
    static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /**
     * Runs the tool as a user whom file permissions stop: in this JVM, unless it runs as root (as CI does), whom they
     * do not stop; then in a child JVM as uid 65534 ({@link ChildJvm#runUnprivileged}), after opening the folder of
     * the files the run reads to all. Skips the calling test when running as root and no command to drop privileges
     * is installed.
     *
     * @param folder the folder of the files the run reads (their own permissions stay as they are)
     * @param args the tool's arguments
     * @return what it did
     */
    static Result runUnprivileged(Path folder, String... args) throws IOException, InterruptedException {
        if (!Unprivileged.isRoot()) {
            return run(args);
        }
        Unprivileged.openToAll(folder);
        return ChildJvm.runUnprivileged(args);
    }

    /**
     * Writes a small Fashion-MNIST look-alike: 700 training and 100 test images of random pixels, labels i mod 10.
     *
     * @param tmp a scratch folder
     * @return the folder to pass as {@code --data-dir}
     */
    public static Path smallData(Path tmp) throws IOException {
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
    public static List<String> smallTrain(Path data, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--meta-size", "100",
                "--hidden", "8", "--epochs", "1", "--batch", "50", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }
}
