package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsGzippedAndPlain() throws IOException {
        byte[] data = new byte[3 * 4 * 5];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        for (String name : new String[] {"a-idx3-ubyte.gz", "a-idx3-ubyte"}) {
            Idx.write(dir.resolve(name), new int[] {3, 4, 5}, data);
            Idx.Array back = Idx.read(dir.resolve(name), 3);
            assertThat(back.dims()).containsExactly(3, 4, 5);
            assertThat(back.data()).isEqualTo(data);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("a-idx3-ubyte.gz", "a-idx3-ubyte");
    }

    @Test
    void rejectsWrongMagicNamingTheFile() throws IOException {
        Path f = dir.resolve("bad.idx");
        Files.write(f, new byte[] {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(f, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad.idx").hasMessageContaining("wrong magic number 0x12345678")
                .hasMessageContaining("expected an unsigned-byte IDX file");
    }

    @Test
    void rejectsWrongRank() throws IOException {
        Idx.write(dir.resolve("labels"), new int[] {4}, new byte[4]);
        assertThatThrownBy(() -> Idx.read(dir.resolve("labels"), 3))
                .hasMessageContaining("has 1 dimensions; expected 3");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        Path f = dir.resolve("img.gz");
        Idx.write(f, new int[] {10, 2, 2}, new byte[40]);
        byte[] whole = Idx.read(f, 3).data();
        Path plain = dir.resolve("img");
        Idx.write(plain, new int[] {10, 2, 2}, whole);
        byte[] bytes = Files.readAllBytes(plain);
        Files.write(plain, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> Idx.read(plain, 3)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("promises 40 bytes of data, found 35");
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        Path f = dir.resolve("x.gz");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6});
        assertThatThrownBy(() -> Idx.read(f, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("x.gz").hasMessageContaining("gzip");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path f = dir.resolve("empty");
        Files.write(f, new byte[0]);
        assertThatThrownBy(() -> Idx.read(f, 1)).hasMessageContaining("empty");
    }

    @Test
    void datasetFilesCheckCountsAndLabelRange() throws IOException {
        IdxSource src = IdxSource.FASHION_MNIST;
        Idx.write(dir.resolve(IdxSource.TRAIN_IMAGES), new int[] {3, 2, 2}, new byte[12]);
        Idx.write(dir.resolve(IdxSource.TRAIN_LABELS), new int[] {2}, new byte[] {1, 2});
        assertThatThrownBy(() -> IdxFiles.loadPart(dir, src, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(IdxSource.TRAIN_LABELS)
                .hasMessageContaining("2 labels but train-images-idx3-ubyte.gz has 3 images");
        Idx.write(dir.resolve(IdxSource.TRAIN_LABELS), new int[] {3}, new byte[] {1, 10, 2});
        assertThatThrownBy(() -> IdxFiles.loadPart(dir, src, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS))
                .hasMessageContaining("label 10 at index 1 is out of range; expected 0..9");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> IdxFiles.loadPart(dir, IdxSource.MNIST, IdxSource.TEST_IMAGES, IdxSource.TEST_LABELS))
                .hasMessageContaining(IdxSource.TEST_IMAGES).hasMessageContaining("missing");
    }
}
