package org.mwnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the temporary file of a killed write goes with the next write of its target; a live one stays. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void theNextWriteRemovesTheTemporaryFilesOfKilledWritesOfItsTarget() throws Exception {
        Path target = dir.resolve("predictions.csv");
        Path killed = Files.writeString(dir.resolve(".predictions.csv8231904410.part"), "half a file");
        Path otherTarget = Files.writeString(dir.resolve(".weights.csv77.part"), "another file's write");
        Path userFile = Files.writeString(dir.resolve(".predictions.csv.notes.part"), "not ours");
        write(target, "row\n");
        assertThat(Files.readString(target)).isEqualTo("row\n");
        assertThat(killed).doesNotExist();
        assertThat(otherTarget).exists();
        assertThat(userFile).exists();
    }

    @Test
    void aTemporaryFileThatALiveWriteHoldsStays() throws Exception {
        Path target = dir.resolve("predictions.csv");
        Path live = Files.writeString(dir.resolve(".predictions.csv42.part"), "being written");
        try (FileChannel writing = FileChannel.open(live, StandardOpenOption.WRITE)) {
            writing.lock();
            write(target, "row\n");
            assertThat(live).exists();
        }
        write(target, "row\n");
        assertThat(live).doesNotExist();
    }

    private static void write(Path target, String content) throws Exception {
        AtomicFiles.write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }
}
