package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarTest {
    @TempDir
    Path dir;

    /** Writes n records; image i has every red byte = i, green = 100, blue = 255; label = i % K. */
    private static byte[] records(Cifar.Variant v, int n, int k) {
        byte[] out = new byte[n * v.recordBytes()];
        for (int i = 0; i < n; i++) {
            int off = i * v.recordBytes();
            int labelBytes = v.recordBytes() - Cifar.IMAGE_BYTES;
            out[off] = (byte) (i % 20);
            out[off + labelBytes - 1] = (byte) (i % k);
            for (int p = 0; p < 1024; p++) {
                out[off + labelBytes + p] = (byte) i;
                out[off + labelBytes + 1024 + p] = (byte) 100;
                out[off + labelBytes + 2048 + p] = (byte) 255;
            }
        }
        return out;
    }

    @Test
    void readsCifar10RecordsAcrossFiles() throws IOException {
        Path a = Files.write(dir.resolve("a.bin"), records(Cifar.Variant.CIFAR10, 3, 10));
        Path b = Files.write(dir.resolve("b.bin"), records(Cifar.Variant.CIFAR10, 2, 10));
        Dataset d = Cifar.read(Cifar.Variant.CIFAR10, List.of(a, b));
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.imageShape()).containsExactly(3, 32, 32);
        assertThat(d.labels()).containsExactly(0, 1, 2, 0, 1);
        var img = org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 3, 32, 32);
        d.copyImages(new int[] {0, 1, 2, 3, 4}, img);
        assertThat(img.getDouble(2, 0, 5, 5)).isCloseTo((2 / 255.0 - 0.4914) / 0.2470, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(img.getDouble(2, 2, 31, 31)).isCloseTo((1 - 0.4465) / 0.2616, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        Path a = Files.write(dir.resolve("train.bin"), records(Cifar.Variant.CIFAR100, 150, 100));
        Dataset d = Cifar.read(Cifar.Variant.CIFAR100, List.of(a));
        assertThat(d.numClasses()).isEqualTo(100);
        assertThat(d.label(120)).isEqualTo(20);
    }

    @Test
    void wrongRecordSizeIsNamed() throws IOException {
        Path a = Files.write(dir.resolve("data_batch_1.bin"), new byte[3073 * 2 + 5]);
        assertThatThrownBy(() -> Cifar.read(Cifar.Variant.CIFAR10, List.of(a)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("data_batch_1.bin")
                .hasMessageContaining("not a whole number of 3073-byte cifar10 records");
    }

    @Test
    void labelOutOfRangeIsNamed() throws IOException {
        byte[] r = records(Cifar.Variant.CIFAR10, 1, 10);
        r[0] = 12;
        Path a = Files.write(dir.resolve("x.bin"), r);
        assertThatThrownBy(() -> Cifar.read(Cifar.Variant.CIFAR10, List.of(a)))
                .hasMessageContaining("label 12 in record 0 is out of range; expected 0..9");
    }

    @Test
    void locatesTheUnpackedArchiveLayout() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(folder.resolve(f), records(Cifar.Variant.CIFAR10, 4, 10));
        }
        DataLocator locator = new DataLocator(dir, null, dir.resolve("cache"), new Downloader());
        TrainTest tt = Cifar.load(Cifar.Variant.CIFAR10, locator);
        assertThat(tt.train().size()).isEqualTo(20);
        assertThat(tt.test().size()).isEqualTo(4);
        DataLocator empty = new DataLocator(dir.resolve("none"), null, dir.resolve("cache"), new Downloader());
        assertThatThrownBy(() -> Cifar.load(Cifar.Variant.CIFAR100, empty))
                .isInstanceOf(DataUnavailableException.class).hasMessageContaining("cifar-100-binary.tar.gz");
    }
}
