package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.testing.Unprivileged;

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
                .hasMessage(plain + ": truncated: header [10, 2, 2] declares 40 bytes of data, found 35");
    }

    @Test
    void rejectsATruncatedGzipSayingWhatWasDeclaredAndFound() throws IOException {
        byte[] noise = new byte[40 * 100];
        new java.util.SplittableRandom(3).nextBytes(noise);   // incompressible: the cut falls inside the data
        Path f = dir.resolve("img.gz");
        Idx.write(f, new int[] {40, 10, 10}, noise);
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Idx.read(f, 3)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": truncated: header [40, 10, 10] declares 4000 bytes of data, found ")
                .hasMessageEndingWith(" (the gzip stream is cut short)");
    }

    @Test
    void aSmallFileDeclaringGigabytesFailsWithoutAllocatingThem() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes");
        Path gz = withHeader("huge-idx3-ubyte.gz", 2551020, 28, 28);
        Path plain = withHeader("huge-idx3-ubyte", 2551020, 28, 28);
        assertThat(Files.size(gz)).isLessThan(100);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertThatThrownBy(() -> Idx.read(gz, 3)).isInstanceOf(DataFormatException.class)
                .hasMessage(gz + ": truncated: header [2551020, 28, 28] declares 1999999680 bytes of data, found 20");
        assertThatThrownBy(() -> Idx.read(plain, 3)).isInstanceOf(DataFormatException.class)
                .hasMessage(plain + ": truncated: header [2551020, 28, 28] declares 1999999680 bytes of data, found 20");
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes allocated while reading both files").isLessThan(16L << 20);
    }

    @Test
    void dimensionsWhoseProductOverflowsAreRefused() throws IOException {
        Path f = withHeader("ovf-idx3-ubyte.gz", 8, 1088173682, 2119002736);
        assertThatThrownBy(() -> Idx.read(f, 3)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": dimensions [8, 1088173682, 2119002736] declare more than 2147483639 bytes, "
                        + "the most an IDX file can hold here");
        Path negative = withHeader("neg-idx1-ubyte", -5);
        assertThatThrownBy(() -> Idx.read(negative, 1)).hasMessageContaining("negative dimension -5 in [-5]");
    }

    /** A file with an unsigned-byte IDX header of these dimensions followed by 20 zero bytes. */
    private Path withHeader(String name, int... dims) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(name.endsWith(".gz") ? new java.util.zip.GZIPOutputStream(bytes) : bytes)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(new byte[20]);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsNamedAsSuch() throws IOException {
        Path d = Files.createDirectory(dir.resolve("train-images-idx3-ubyte.gz"));
        assertThatThrownBy(() -> Idx.read(d, 3)).isInstanceOf(FileSystemException.class)
                .hasMessage(d + ": is a directory, not a file");
        Idx.write(dir.resolve(IdxSource.TRAIN_LABELS), new int[] {2}, new byte[] {1, 2});
        assertThatThrownBy(() -> IdxFiles.loadPart(dir, IdxSource.MNIST, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS))
                .hasMessage(dir + ": train-images-idx3-ubyte.gz is a directory, not a file");
    }

    @Test
    void anUnreadableFileIsNamedAsSuch() throws Exception {
        Path f = dir.resolve("t10k-labels-idx1-ubyte");
        Idx.write(f, new int[] {2}, new byte[] {1, 2});
        Files.setPosixFilePermissions(f, java.util.Set.of());
        String failure;
        if (Unprivileged.isRoot()) {
            // root reads every file: read it as a user the permissions stop
            Unprivileged.openToAll(dir);
            Unprivileged.Output read = Unprivileged.run(ReadIdx.class, f.toString());
            assertThat(read.exitCode()).as(read.err()).isZero();
            failure = read.out().strip();
        } else {
            failure = ReadIdx.failure(f);
        }
        assertThat(failure).isEqualTo(FileSystemException.class.getName() + ": " + f
                + ": cannot be read (permission denied)");
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
                .hasMessage(dir + ": t10k-images-idx3-ubyte.gz is missing (gzipped or unpacked)");
    }
}
