package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.DataFormatException;
import org.nd4j.linalg.factory.Nd4j;

class ArrayArchiveTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path f = dir.resolve("a.zip");
        new ArrayArchive("vnet", "{\"h\":1}", Map.of("w", Nd4j.createFromArray(1.5, -2.0))).write(f);
        ArrayArchive back = ArrayArchive.read(f, "vnet");
        assertThat(back.header()).isEqualTo("{\"h\":1}");
        assertThat(back.arrays().get("w").toDoubleVector()).containsExactly(1.5, -2.0);
    }

    @Test
    void aTruncatedArchiveIsNamedAsTruncatedOrCorrupt() throws IOException {
        Path f = dir.resolve("checkpoint.zip");
        new ArrayArchive("checkpoint", "{}", Map.of("x", Nd4j.linspace(0, 1, 10_000))).write(f);
        byte[] whole = Files.readAllBytes(f);
        for (int cut : new int[] {whole.length / 2, 100}) {
            Files.write(f, Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> ArrayArchive.read(f, "checkpoint")).as("cut at " + cut)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(f + ": corrupt or truncated mwnet checkpoint (");
        }
    }

    @Test
    void anEntryExpandingFarBeyondTheFileIsRefusedWithoutReadingItAll() throws IOException {
        // 40 MiB of zeros deflate to about 40 KiB: the budget is 16 * 40 KiB + 16 MiB, so reading stops there
        Path f = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("kind"));
            zip.write("checkpoint".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("arrays/classifier/fc1.weight"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
        }
        assertThat(Files.size(f)).as("a small file").isLessThan(1 << 20);
        assertThatThrownBy(() -> ArrayArchive.read(f, "checkpoint")).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": corrupt mwnet checkpoint (entry arrays/classifier/fc1.weight expands to more than "
                        + "16 times the file's size; mwnet never writes such a file)");
    }
}
