package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwnet.data.NpyTestFiles.floats;
import static org.mwnet.data.NpyTestFiles.longs;
import static org.mwnet.data.NpyTestFiles.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy files written byte by byte (NpyTestFiles), read back exactly, and every malformed case refused with one line. */
class NpyFilesTest {
    @TempDir
    Path dir;

    private Path labels(long... y) throws IOException {
        return npy(dir.resolve("y.npy"), "<i8", new long[] {y.length}, longs(y));
    }

    @Test
    void readsUint8ImagesScaledAndInt64Labels() throws IOException {
        byte[] px = {0, (byte) 255, 51, 102, 1, 2, 3, 4};
        Path x = npy(dir.resolve("x.npy"), "|u1", new long[] {2, 2, 2}, ByteBuffer.wrap(px));
        LabelledData d = Datasets.fromNpy(x, labels(2, 0));
        assertThat(d.data().imageShape()).containsExactly(1, 2, 2);
        assertThat(d.data().labels()).containsExactly(2, 0);
        assertThat(d.classes()).containsExactly("0", "1", "2");
        assertThat(d.ids()).containsExactly("0", "1");
        assertThat(SampleValues.of(d.data()))
                .containsExactly(0f, 1f, 51 / 255f, 102 / 255f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f);
    }

    @Test
    void readsFloatTablesAsOneByOneByDAndFloatLabels() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", new long[] {3, 2}, floats(1.5f, -2, 0, 7, 3, 4));
        Path y = npy(dir.resolve("yf.npy"), "<f4", new long[] {3}, floats(1, 0, 1));
        LabelledData d = Datasets.fromNpy(x, y);
        assertThat(d.data().imageShape()).containsExactly(1, 1, 2);
        assertThat(d.data().labels()).containsExactly(1, 0, 1);
        assertThat(SampleValues.of(d.data())).containsExactly(1.5f, -2, 0, 7, 3, 4);
    }

    @Test
    void readsNchwFloat64() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2 * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(new double[] {0.25, 0.5, 0.75, 1, 0, 0.125});
        Path x = npy(dir.resolve("x.npy"), "<f8", new long[] {2, 3, 1, 1}, b);
        LabelledData d = Datasets.fromNpy(x, labels(0, 1));
        assertThat(d.data().imageShape()).containsExactly(3, 1, 1);
        assertThat(SampleValues.of(d.data())).containsExactly(0.25f, 0.5f, 0.75f, 1, 0, 0.125f);
    }

    @Test
    void refusesAnUnsupportedSampleTypeNamingFileTypeAndExpectationAsNumPyNamesThem() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<i8", new long[] {2, 1}, longs(1, 2));
        assertThatThrownBy(() -> Datasets.fromNpy(x, labels(0, 1))).isInstanceOf(DataFormatException.class)
                .hasMessage(x + ": holds int64 values; expected uint8, float32 or float64");
        Path shorts = npy(dir.resolve("shorts.npy"), "<i2", new long[] {2, 1}, ByteBuffer.allocate(4));
        assertThatThrownBy(() -> Datasets.fromNpy(shorts, labels(0, 1))).isInstanceOf(DataFormatException.class)
                .hasMessage(shorts + ": holds int16 values; expected uint8, float32 or float64");
    }

    @Test
    void refusesNaNAndInfinitiesNamingSampleAndPosition() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", new long[] {3, 2}, floats(1, 2, 3, Float.NaN, 5, 6));
        assertThatThrownBy(() -> Datasets.fromNpy(x, labels(0, 1, 0))).isInstanceOf(DataFormatException.class)
                .hasMessage(x + ": sample 1 holds NaN at position 1; expected finite numbers (as float32)");
        ByteBuffer huge = ByteBuffer.allocate(2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        huge.asDoubleBuffer().put(new double[] {0, 1e300});
        Path y = npy(dir.resolve("big.npy"), "<f8", new long[] {2, 1}, huge);
        assertThatThrownBy(() -> Datasets.fromNpy(y, labels(0, 1)))
                .hasMessage(y + ": sample 1 holds Infinity at position 0; expected finite numbers (as float32)");
    }

    @Test
    void refusesAnUnsupportedShape() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", new long[] {2}, floats(1, 2));
        assertThatThrownBy(() -> Datasets.fromNpy(x, labels(0, 1))).isInstanceOf(DataFormatException.class)
                .hasMessage(x + ": has shape [2]; expected [N, C, H, W], [N, H, W] or [N, D]");
    }

    @Test
    void refusesLabelsOfAnotherLengthNegativeOrNotIntegers() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", new long[] {2, 1}, floats(1, 2));
        Path three = labels(0, 1, 1);
        assertThatThrownBy(() -> Datasets.fromNpy(x, three)).isInstanceOf(DataFormatException.class)
                .hasMessage(three + ": has shape [3]; expected [2], one label per sample");
        Path negative = labels(0, -1);
        assertThatThrownBy(() -> Datasets.fromNpy(x, negative)).isInstanceOf(DataFormatException.class)
                .hasMessage(negative + ": label -1 at index 1 is negative; expected integers from 0");
        Path fraction = npy(dir.resolve("yf.npy"), "<f4", new long[] {2}, floats(0, 0.7f));
        assertThatThrownBy(() -> Datasets.fromNpy(x, fraction)).isInstanceOf(DataFormatException.class)
                .hasMessage(fraction + ": label 0.7 at index 1 is not an integer; expected integers from 0");
        Path nan = npy(dir.resolve("nan.npy"), "<f4", new long[] {2}, floats(Float.NaN, 1));
        assertThatThrownBy(() -> Datasets.fromNpy(x, nan)).isInstanceOf(DataFormatException.class)
                .hasMessage(nan + ": label NaN at index 0 is not an integer; expected integers from 0");
    }

    @Test
    void refusesAnEmptyArray() throws IOException {
        Path x = npy(dir.resolve("x.npy"), "<f4", new long[] {0, 2}, floats());
        assertThatThrownBy(() -> Datasets.fromNpy(x, labels())).isInstanceOf(DataFormatException.class)
                .hasMessage(x + ": holds no samples; expected at least one");
    }

    @Test
    void refusesAFileThatIsNotNpy() throws IOException {
        Path x = Files.writeString(dir.resolve("x.npy"), "not numpy at all");
        assertThatThrownBy(() -> Datasets.fromNpy(x, labels(0))).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(x + ": is not a .npy array ND4J can read");
    }

    @Test
    void readsAnNpzArchiveCompressedOrNotAndNamesItsMissingArrays() throws IOException {
        java.util.Map<String, byte[]> xy = new java.util.LinkedHashMap<>();
        xy.put("x", NpyTestFiles.bytes("<f4", new long[] {2, 3}, floats(1, 2, 3, 4, 5, 6)));
        xy.put("y", NpyTestFiles.bytes("<i8", new long[] {2}, longs(1, 0)));
        for (boolean compressed : new boolean[] {false, true}) {
            LabelledData d = Datasets.fromNpz(NpyTestFiles.npz(dir.resolve("d" + compressed + ".npz"), xy, compressed));
            assertThat(d.data().imageShape()).containsExactly(1, 1, 3);
            assertThat(d.data().labels()).containsExactly(1, 0);
            assertThat(SampleValues.of(d.data())).containsExactly(1f, 2, 3, 4, 5, 6);
        }
        Path noLabels = NpyTestFiles.npz(dir.resolve("x-only.npz"), java.util.Map.of("x", xy.get("x")), false);
        assertThatThrownBy(() -> Datasets.fromNpz(noLabels)).isInstanceOf(DataFormatException.class)
                .hasMessage(noLabels + ": holds the arrays [x]; expected one named y");
        Path three = NpyTestFiles.npz(dir.resolve("three.npz"), java.util.Map.of("x", xy.get("x"), "y",
                NpyTestFiles.bytes("<i8", new long[] {3}, longs(1, 0, 1))), false);
        assertThatThrownBy(() -> Datasets.fromNpz(three)).isInstanceOf(DataFormatException.class)
                .hasMessage(three + ": array y has shape [3]; expected [2], one label per sample");
    }

    @Test
    void refusesWhatWouldStopNd4jBeforeItParses() throws IOException {
        Path y = labels(0, 1);
        Path floats = npy(dir.resolve("floats.npy"), "<f4", new long[] {2, 1}, floats(1, 2));
        Map<String, String> names = Map.of("|O", "object", "<U1", "str", "<c8", "complex64", "|b1", "bool");
        for (Map.Entry<String, String> type : names.entrySet()) {
            Path x = npy(dir.resolve("x.npy"), type.getKey(), new long[] {2, 1}, floats(1, 2));
            assertThatThrownBy(() -> Datasets.fromNpy(x, y)).as(type.getKey()).isInstanceOf(DataFormatException.class)
                    .hasMessage(x + ": holds " + type.getValue() + " values; expected uint8, float32 or float64");
            Path labels = npy(dir.resolve("labels.npy"), type.getKey(), new long[] {2}, floats(1, 2));
            assertThatThrownBy(() -> Datasets.fromNpy(floats, labels)).as(type.getKey())
                    .isInstanceOf(DataFormatException.class).hasMessage(labels + ": holds " + type.getValue()
                            + " values; expected integers (int8 to int64 or uint8 to uint64), or floats (float16 to "
                            + "float64) holding whole numbers");
        }
        byte[] whole = NpyTestFiles.bytes("<f4", new long[] {2, 3}, floats(1, 2, 3, 4, 5, 6));
        Path truncated = Files.write(dir.resolve("t.npy"), java.util.Arrays.copyOf(whole, whole.length - 4));
        assertThatThrownBy(() -> Datasets.fromNpy(truncated, y)).isInstanceOf(DataFormatException.class)
                .hasMessage(truncated + ": is truncated: its header declares 24 bytes of values but 20 follow");
    }
}
