package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.io.AtomicFiles;
import org.mwnet.train.ArrayArchive;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/** The one-line messages of the failures a new user meets: each names the file and what was wrong. */
class ErrorMessagesTest {
    @TempDir
    Path tmp;

    private Path checkpoint() throws IOException {
        Path file = tmp.resolve("checkpoint.zip");
        new ArrayArchive("checkpoint", "{}", Map.of("classifier/w", Nd4j.rand(DataType.FLOAT, 300, 300))).write(file);
        return file;
    }

    @Test
    void everySubCommandsVersionIsTheToolsVersion() {
        CliRunner.Result top = CliRunner.run("--version");
        assertThat(top.out().strip()).isEqualTo("mwnet 0.1.0");
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            CliRunner.Result r = CliRunner.run(command, "--version");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).isEqualTo(top.out());
        }
    }

    @Test
    void aTruncatedCheckpointIsNamedAndCalledCorrupt() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path file = checkpoint();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRunner.Result r = CliRunner.run("eval", file.toString(), "--data-dir", data.toString());
        assertOneLineError(r, "eval").contains(file + ": corrupt or truncated mwnet checkpoint (",
                "Unexpected end of ZLIB input stream");
    }

    @Test
    void evalGivenARunDirectoryNamesTheCheckpointInIt() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path file = checkpoint();
        CliRunner.Result r = CliRunner.run("eval", tmp.toString(), "--data-dir", data.toString());
        assertOneLineError(r, "eval").contains(tmp + ": is a directory, not a checkpoint file; expected " + file
                + ", which is there");
    }

    @Test
    void aCheckpointWithAForeignEntryNamesTheEntry() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path file = checkpoint();
        Path extended = tmp.resolve("extended.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(extended))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("arrays/notes"));
            out.write("not an array".getBytes(StandardCharsets.UTF_8));
        }
        CliRunner.Result r = CliRunner.run("eval", extended.toString(), "--data-dir", data.toString());
        assertOneLineError(r, "eval")
                .contains(extended + ": corrupt or truncated mwnet checkpoint (entry arrays/notes: ")
                .doesNotContain("java.io.");
    }

    @Test
    void permissionDeniedSaysSo() {
        assertThat(OneLineErrors.describe(new AccessDeniedException("/runs/a/checkpoint.zip")))
                .isEqualTo("permission denied: /runs/a/checkpoint.zip");
        assertThat(OneLineErrors.describe(new java.nio.file.NoSuchFileException("/runs/a")))
                .isEqualTo("no such file or directory: /runs/a");
        assertThat(OneLineErrors.describe(new java.io.UncheckedIOException(new AccessDeniedException("/data/x.gz"))))
                .isEqualTo("permission denied: /data/x.gz");
    }

    @Test
    void anUnreadableCheckpointSaysPermissionDenied() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path file = checkpoint();
        Files.setPosixFilePermissions(file, Set.of());
        CliRunner.Result r = CliRunner.runUnprivileged(tmp, "eval", file.toString(), "--data-dir", data.toString());
        assertOneLineError(r, "eval").contains("permission denied: " + file);
    }

    @Test
    void aFailedWriteNamesTheFileAndTheReasonAndLeavesNothingBehind() throws Exception {
        Path target = tmp.resolve("out").resolve("metrics.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": No space left on device");
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).as("neither the file nor its temporary file").isEmpty();
        }
    }

    @Test
    void benchChecksItsFilesBeforeMeasuring() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("results"));
        CliRunner.Result intoFolder = CliRunner.run("bench", "--json", folder.toString());
        assertOneLineError(intoFolder, "bench").contains("--json " + folder + " is a directory; expected a file name")
                .doesNotContain(".part");
        assertThat(intoFolder.out()).as("nothing measured").isEmpty();

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRunner.Result underFile = CliRunner.run("bench", "--json", file.resolve("bench.json").toString());
        assertOneLineError(underFile, "bench").contains("--json: " + file + " is not a directory");
        assertThat(underFile.out()).isEmpty();

        CliRunner.Result noScript = CliRunner.run("bench", "--torch-reference", tmp.resolve("none.py").toString());
        assertOneLineError(noScript, "bench")
                .contains("--torch-reference " + tmp.resolve("none.py") + ": no such file");
        assertThat(noScript.out()).isEmpty();
    }

    @Test
    void topLevelErrorsSayMwnetOnce() {
        CliRunner.Result r = CliRunner.run("trian");
        assertOneLineError(r, "").startsWith("Unmatched argument").doesNotContain("mwnet mwnet");
    }

    @Test
    void internalErrorsExitWithOneAndPointToTheDetails() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        CommandLine train = cl.getSubcommands().get("train");
        int code = new OneLineErrors().handleExecutionException(new IllegalStateException("graph has no output"),
                train, null);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("mwnet train: graph has no output (IllegalStateException; "
                + "set MWNET_DEBUG=1 for details)");

        StringWriter fatal = new StringWriter();
        assertThat(OneLineErrors.report(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"),
                "mwnet: internal error: ", new PrintWriter(fatal))).isEqualTo(1);
        assertThat(fatal.toString().strip()).isEqualTo("mwnet: internal error: no jnind4jcpu in java.library.path "
                + "(UnsatisfiedLinkError; set MWNET_DEBUG=1 for details)");
    }

    @Test
    void helpOfEveryCommandPrintsNoWarningAndNoEscapeCodes() {
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            for (String command : Main.commandLine().getSubcommands().keySet()) {
                CliRunner.Result r = CliRunner.run(command, "--help");
                assertThat(r.exitCode()).as(command).isZero();
                assertThat(r.out()).as(command).contains("Usage:").doesNotContain("WARN").doesNotContain("\u001b");
                assertThat(r.err()).as(command).isEmpty();
            }
            CliRunner.Result top = CliRunner.run("--help");
            assertThat(top.out()).contains("demo").doesNotContain("WARN").doesNotContain("\u001b");
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("picocli's warnings go to System.err")
                .doesNotContain("WARN");
    }
}
