package org.mwnet.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.cli.CliRunner;

/** Run directories: one run at a time, no silent reuse, no leftovers of killed writes, no empty folders of failed runs. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    private static void writeFiles(Path dir, String... names) throws Exception {
        Files.createDirectories(dir);
        for (String name : names) {
            Files.writeString(dir.resolve(name), name);
        }
    }

    @Test
    void aFreshRunRefusesAFolderHoldingAPreviousRunAndNamesBothWaysOn() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("previous");
        writeFiles(out, "checkpoint.zip", "metrics.json");
        CliRunner.Result r = CliRunner.run("train", "--data-dir", data.toString(), "--meta-size", "100", "--out",
                out.toString());
        assertOneLineError(r, "train").contains(out.toString()).contains("--resume").contains("--overwrite");
        assertThat(Files.readString(out.resolve("checkpoint.zip"))).as("the previous run is untouched")
                .isEqualTo("checkpoint.zip");
    }

    @Test
    void theDemoChecksBothRunDirectoriesBeforeItsFirstRunTrains() throws Exception {
        Path demo = tmp.resolve("demo");
        writeFiles(demo.resolve("mwnet"), "metrics.json");
        CliRunner.Result r = CliRunner.run("demo", "--out", demo.toString(), "--data-dir", tmp.resolve("none").toString());
        assertOneLineError(r, "demo").contains(demo.resolve("mwnet") + " already holds a run").contains("--overwrite")
                .as("no checkpoint to continue").doesNotContain("--resume");
        assertThat(demo.resolve("ce")).as("the ce run did not start").doesNotExist();
    }

    @Test
    void aRefusedRunLeavesAFolderOfOtherFilesAsItWasAndSuggestsOnlyWhatApplies() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("user");
        writeFiles(out, "notes.txt");
        String[] train = {"train", "--data-dir", data.toString(), "--meta-size", "100", "--hidden", "8", "--epochs", "1",
            "--method", "ce", "--out", out.toString()};
        CliRunner.Result r = CliRunner.run(train);
        assertOneLineError(r, "train", "--out " + out + " holds other files (notes.txt); choose another --out, or run "
                + "there with --overwrite (which replaces only a run's own files and keeps these)");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no stray lock file").containsExactly("notes.txt");
        }
        // what the message promises: --overwrite runs there and keeps the user's file
        CliRunner.Result o = CliRunner.run(with(train, "--overwrite"));
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("notes.txt");
        assertThat(out.resolve("checkpoint.zip")).isRegularFile();
    }

    @Test
    void anEmptyOutIsRefused() throws Exception {
        Path data = CliRunner.smallData(tmp);
        String[][] commands = {
            {"demo", "--out", "", "--data-dir", data.toString()},
            {"train", "--out", "", "--data-dir", data.toString(), "--meta-size", "100", "--hidden", "8", "--epochs", "1"},
        };
        for (String[] command : commands) {
            assertOneLineError(CliRunner.run(command), command[0], "--out must name a directory, got an empty path");
        }
    }

    @Test
    void overwriteKeepsThePreviousRunWholeUntilTheNewRunEndsThenReplacesItsFilesAndLeavesOtherFilesAlone()
            throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("previous");
        String[] train = CliRunner.smallTrain(data, out, "--method", "mwnet").toArray(String[]::new);
        assertThat(CliRunner.run(train).exitCode()).isZero();
        writeFiles(out, "suspects.png", "notes.txt");
        Map<String, byte[]> previous = contents(out);

        // a new run that diverges in its first epoch, after the staging folder of an earlier overwrite killed midway
        writeFiles(out.resolve(RunDirectory.STAGING), "checkpoint.zip");
        CliRunner.Result diverged = CliRunner.run(with(train, "--overwrite", "--lr", "1e8"));
        assertOneLineError(diverged.withoutBackendReport(), "train").contains("diverged");
        assertThat(contents(out)).as("the previous run, whole").containsOnlyKeys(previous.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(previous.get(name)));

        CliRunner.Result replaced = CliRunner.run(with(train, "--overwrite", "--seed", "2"));
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        Map<String, byte[]> now = contents(out);
        assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(previous.keySet().stream()
                .filter(name -> !name.equals("suspects.png")).toList());
        assertThat(now.get("notes.txt")).isEqualTo(previous.get("notes.txt"));
        assertThat(now.get("metrics.json")).isNotEqualTo(previous.get("metrics.json"));
        assertThat(now.get("checkpoint.zip")).isNotEqualTo(previous.get("checkpoint.zip"));
    }

    private static String[] with(String[] args, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    /** @return every file in the folder (the lock file aside) and folder names, with their bytes (empty for folders) */
    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().equals(RunDirectory.LOCK)).toList()) {
                files.put(p.getFileName().toString(), Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void resumeRemovesTheTemporaryFilesOfKilledWritesAndKeepsTheCheckpoint() throws Exception {
        Path out = tmp.resolve("killed");
        writeFiles(out, "checkpoint.zip", ".checkpoint.zip123456.part", ".metrics.json99.part");
        try (RunDirectory dir = RunDirectory.open(out, RunDirectory.Mode.RESUME)) {
            try (var left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("checkpoint.zip", ".lock");
            }
        }
    }

    @Test
    void aFolderWithOnlyTheLeftoversOfARunKilledBeforeItsFirstCheckpointStartsAfresh() throws Exception {
        Path out = tmp.resolve("killed-early");
        writeFiles(out, ".lock", ".checkpoint.zip1.part");
        try (RunDirectory dir = RunDirectory.open(out, RunDirectory.Mode.FRESH)) {
            assertThat(out.resolve(".checkpoint.zip1.part")).doesNotExist();
        }
        assertThat(out).as("a folder this run did not create stays").isDirectory();
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefused() throws Exception {
        Path out = tmp.resolve("busy");
        try (RunDirectory first = RunDirectory.open(out, RunDirectory.Mode.FRESH)) {
            assertThatThrownBy(() -> RunDirectory.open(out, RunDirectory.Mode.OVERWRITE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(out.toString())
                    .hasMessageContaining("in use by another mwnet run");
        }
        RunDirectory.open(out, RunDirectory.Mode.FRESH).close();
    }

    @Test
    void runsThatFailAfterTheirChecksLeaveNoEmptyFolderBehind() throws Exception {
        Path data = CliRunner.smallData(tmp);
        String[][] failures = {
            {"diverged", "--lr", "1e30", "--method", "ce", "--meta-size", "100"},
            {"no checkpoint", "--resume", "--meta-size", "100"},
            {"larger than the training set", "--batch", "100000", "--meta-size", "100"},
            {"--meta-size 0", "--meta-size", "0"},
        };
        for (String[] failure : failures) {
            Path parent = tmp.resolve("runs-" + failure[1].substring(2));
            Path out = parent.resolve("run");
            String[] common = {"train", "--data-dir", data.toString(), "--hidden", "8", "--epochs", "1", "--out",
                out.toString()};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                    java.util.Arrays.stream(failure).skip(1)).toArray(String[]::new);
            CliRunner.Result r = CliRunner.run(args);
            assertOneLineError(r.withoutBackendReport(), "train").contains(failure[0]);
            assertThat(parent).as("neither the folder nor the parent the run created: " + r.err()).doesNotExist();
        }
        Path mine = Files.createDirectories(tmp.resolve("made-by-the-user"));
        CliRunner.Result r = CliRunner.run("train", "--data-dir", data.toString(), "--meta-size", "100", "--hidden", "8",
                "--epochs", "1", "--method", "ce", "--lr", "1e30", "--out", mine.toString());
        assertOneLineError(r.withoutBackendReport(), "train").contains("diverged");
        assertThat(mine).as("a folder the user made is not removed").isDirectory();
    }
}
