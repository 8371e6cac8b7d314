package org.mwnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's scratch space: a live run's folder survives another run's start, a dead run's goes (a run killed in
 * another JVM: SparkClusterTest), and closing removes the run's own.
 */
class SparkScratchTest {
    @TempDir
    Path root;

    @Test
    void aLiveRunsFolderSurvivesAnotherStartAndClosingRemovesIt() throws Exception {
        SparkScratch first = SparkScratch.create(root);
        Files.createDirectories(first.dir().resolve("blockmgr-1"));
        try (SparkScratch second = SparkScratch.create(root)) {
            assertThat(first.dir().resolve("blockmgr-1")).isDirectory();
            assertThat(second.dir()).isDirectory().isNotEqualTo(first.dir());
        }
        first.close();
        try (var left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".lock");
        }
    }

    @Test
    void aFolderWithoutALockFileIsLeftOverAndGoes() throws Exception {
        Path orphan = Files.createDirectories(root.resolve("run-7").resolve("spark-1"));
        Files.writeString(orphan.resolve("block"), "x");
        try (SparkScratch run = SparkScratch.create(root)) {
            assertThat(root.resolve("run-7")).doesNotExist();
            assertThat(run.dir()).isDirectory();
        }
    }

    @Test
    void anUnlockedRunGoes() throws Exception {
        Path dead = Files.createDirectories(root.resolve("run-9").resolve("blockmgr-2"));
        Files.createFile(root.resolve("run-9.lock"));
        try (SparkScratch run = SparkScratch.create(root)) {
            assertThat(dead).doesNotExist();
            assertThat(root.resolve("run-9.lock")).doesNotExist();
        }
    }
}
