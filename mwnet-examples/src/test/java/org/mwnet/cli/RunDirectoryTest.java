package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("mwnet train: ").contains(out.toString())
                .contains("--resume").contains("--overwrite");
        assertThat(Files.readString(out.resolve("checkpoint.zip"))).as("the previous run is untouched")
                .isEqualTo("checkpoint.zip");
    }

    @Test
    void theDemoChecksBothRunDirectoriesBeforeItsFirstRunTrains() throws Exception {
        Path demo = tmp.resolve("demo");
        writeFiles(demo.resolve("mwnet"), "metrics.json");
        CliRunner.Result r = CliRunner.run("demo", "--out", demo.toString(), "--data-dir", tmp.resolve("none").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(demo.resolve("mwnet") + " already holds a run").contains("--overwrite")
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
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").isEqualTo("mwnet train: --out " + out + " holds other files "
                + "(notes.txt); choose another --out, or run there with --overwrite (which replaces only a run's own "
                + "files and keeps these)");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no stray lock file").containsExactly("notes.txt");
        }
        // what the message promises: --overwrite runs there and keeps the user's file
        String[] overwrite = java.util.Arrays.copyOf(train, train.length + 1);
        overwrite[train.length] = "--overwrite";
        CliRunner.Result o = CliRunner.run(overwrite);
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
            CliRunner.Result r = CliRunner.run(command);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("mwnet " + command[0] + ": --out must name a directory, got an "
                    + "empty path");
        }
    }

    @Test
    void overwriteRemovesThePreviousRunsFilesAndLeavesOtherFilesAlone() throws Exception {
        Path out = tmp.resolve("previous");
        writeFiles(out, "checkpoint.zip", "metrics.json", "vnet.zip", "curves.png", "weight-function.png", "weights.csv",
                "inputs.json", "suspects.png", "notes.txt",
                ".checkpoint.zip4711.part");
        try (RunDirectory dir = RunDirectory.open(out, RunDirectory.Mode.OVERWRITE)) {
            try (var left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", ".lock");
            }
        }
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
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(failure[0]);
            assertThat(parent).as("neither the folder nor the parent the run created: " + r.err()).doesNotExist();
        }
        Path mine = Files.createDirectories(tmp.resolve("made-by-the-user"));
        CliRunner.Result r = CliRunner.run("train", "--data-dir", data.toString(), "--meta-size", "100", "--hidden", "8",
                "--epochs", "1", "--method", "ce", "--lr", "1e30", "--out", mine.toString());
        assertThat(r.err()).contains("diverged");
        assertThat(mine).as("a folder the user made is not removed").isDirectory();
    }
}
