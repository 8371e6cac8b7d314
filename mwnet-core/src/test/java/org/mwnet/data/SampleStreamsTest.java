package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mwnet.data.NpyTestFiles.floats;
import static org.mwnet.data.NpyTestFiles.npy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New samples read a chunk at a time as a run read its own: image folders (flat or nested), CSV columns by name,
 * .npy and .npz arrays; every input that does not fit the run is refused naming the file and what was expected.
 */
class SampleStreamsTest {
    private static final Normalization NONE = new Normalization(new double[] {0}, new double[] {1});
    private static final Normalization NONE3 = new Normalization(new double[3], new double[] {1, 1, 1});
    private static final InputSettings GREY_2X2 = new InputSettings(InputSettings.FOLDER, List.of("a", "b"), 1, 2, 2,
            NONE, List.of());
    private static final InputSettings ROWS = new InputSettings(InputSettings.CSV, List.of("no", "yes"), 1, 1, 3,
            NONE, List.of("a", "b", "c"));

    @TempDir
    Path dir;

    private Path image(String relative, BufferedImage im) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(im, "png", file.toFile())).isTrue();
        return file;
    }

    private static BufferedImage grey(int... values) {
        BufferedImage im = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 4; i++) {
            im.getRaster().setSample(i % 2, i / 2, 0, values[i]);
        }
        return im;
    }

    private static BufferedImage colour(int side, int rgb) {
        BufferedImage im = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                im.setRGB(x, y, rgb);
            }
        }
        return im;
    }

    /** Reads a whole stream, {@code max} samples at a time, checking no chunk is larger. */
    private static SampleStream.Chunk all(SampleStream s, int max) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (SampleStream.Chunk c = s.next(max); c != null; c = s.next(max)) {
            assertThat(c.size()).isBetween(1, max);
            ids.addAll(c.ids());
            for (float v : c.values()) {
                values.add(v);
            }
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new SampleStream.Chunk(ids, v);
    }

    @Test
    void readsEveryImageUnderAFolderInPathOrderResizedAndConvertedIgnoringHiddenFilesAndLeavingOutOthers()
            throws IOException {
        image("b.png", grey(0, 51, 102, 255));
        image("a/x.png", colour(4, 0x336699));
        image(".hidden.png", grey(1, 1, 1, 1));
        image(".cache/y.png", grey(1, 1, 1, 1));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.writeString(dir.resolve("a/README"), "not an image");
        Files.writeString(dir.resolve(".cache/notes.txt"), "hidden");
        try (SampleStream s = SampleStreams.open(dir, GREY_2X2, false)) {
            SampleStream.Chunk c = all(s, 1);
            assertThat(c.ids()).containsExactly("a/x.png", "b.png");
            float luma = (float) ((0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99) / 255);
            assertThat(c.values()).containsExactly(luma, luma, luma, luma, 0, 51 / 255f, 102 / 255f, 1);
            assertThat(s.skipped()).isEmpty();
            assertThat(s.notImages()).containsExactly("a/README", "notes.txt");
        }
    }

    @Test
    void preparesImagesExactlyAsTheFolderReaderDoesForTraining() throws IOException {
        image("cats/big.png", colour(5, 0x102030));
        image("cats/g.png", grey(10, 200, 30, 90));
        image("dogs/c.png", colour(3, 0xFFEE00));
        Files.writeString(dir.resolve("README.md"), "not an image");
        Files.writeString(dir.resolve("dogs/notes.txt"), "not an image");
        Files.writeString(dir.resolve("dogs/.DS_Store"), "hidden");
        LabelledData trained = Datasets.fromFolder(dir, ImageOptions.of(3).withSize(3));
        assertThat(trained.notImages()).containsExactly("README.md", "dogs/notes.txt");
        InputSettings run = InputSettings.ofFiles(InputSettings.FOLDER, trained, NONE3);
        try (SampleStream s = SampleStreams.open(dir, run, false)) {
            SampleStream.Chunk c = all(s, 2);
            assertThat(c.ids()).containsExactlyElementsOf(trained.ids());
            assertThat(c.values()).containsExactly(SampleValues.of(trained.data()));
            assertThat(s.notImages()).containsExactlyElementsOf(trained.notImages());
        }
    }

    @Test
    void stopsAtAnUnreadableImageOrSkipsItWhenAsked() throws IOException {
        image("a.png", grey(0, 0, 0, 0));
        Path broken = Files.writeString(dir.resolve("b.png"), "not an image");
        image("c.png", grey(255, 255, 255, 255));
        try (SampleStream s = SampleStreams.open(dir, GREY_2X2, false)) {
            assertThatThrownBy(() -> all(s, 10)).isInstanceOf(DataFormatException.class)
                    .hasMessage(broken + ": is not an image ImageIO can decode; expected a PNG, JPEG, BMP or GIF image");
        }
        try (SampleStream s = SampleStreams.open(dir, GREY_2X2, true)) {
            assertThat(all(s, 10).ids()).containsExactly("a.png", "c.png");
            assertThat(s.skipped()).containsExactly("b.png");
        }
    }

    @Test
    void refusesAFolderWithoutImagesOrWithoutReadableOnes() throws IOException {
        Files.createDirectories(dir.resolve("empty/sub"));
        assertThatThrownBy(() -> SampleStreams.open(dir.resolve("empty"), GREY_2X2, false))
                .isInstanceOf(DataFormatException.class).hasMessage(dir.resolve("empty") + ": holds no image files; "
                        + "expected PNG, JPEG, BMP or GIF files in it or in its sub-folders");
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> SampleStreams.open(dir, GREY_2X2, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(dir + ": holds no image files; expected PNG, JPEG, BMP or GIF files in it or in its "
                        + "sub-folders");
        Files.writeString(dir.resolve("a.png"), "not an image");
        try (SampleStream s = SampleStreams.open(dir, GREY_2X2, true)) {
            assertThatThrownBy(() -> s.next(5)).isInstanceOf(DataFormatException.class).hasMessage(dir
                    + ": holds no readable image (skipped 1, the first a.png); expected PNG, JPEG, BMP or GIF files");
        }
    }

    @Test
    void readsTheRunsCsvColumnsByNameInItsOrderIgnoringOthers() throws IOException {
        Path csv = Files.writeString(dir.resolve("new.csv"), "note,c,a,b\nhi,3,1,2\n\"x,y\",-6,4,5.5\nz,9,7,8\n");
        try (SampleStream s = SampleStreams.open(csv, ROWS, false)) {
            SampleStream.Chunk c = all(s, 2);
            assertThat(c.ids()).containsExactly("1", "2", "3");
            assertThat(c.values()).containsExactly(1, 2, 3, 4, 5.5f, -6, 7, 8, 9);
        }
    }

    @Test
    void refusesACsvWithoutARunColumnOrWithABadRowNamingRowAndColumn() throws IOException {
        Path missing = Files.writeString(dir.resolve("m.csv"), "a,c,label\n1,2,yes\n");
        assertThatThrownBy(() -> SampleStreams.open(missing, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(missing + ": has no feature column 'b'; its columns are [a, c, label]");
        assertThat(error("t.csv", "a,b,c\n1,2,3\n4,x,6\n"))
                .isEqualTo("t.csv: row 2, column 'b': 'x' is not a finite number; expected a number");
        assertThat(error("e.csv", "a,b,c\n1,,3\n"))
                .isEqualTo("e.csv: row 1, column 'b': missing value; expected a number");
        assertThat(error("r.csv", "a,b,c\n1,2,3\n4,5\n"))
                .isEqualTo("r.csv: row 2 (line 3) has 2 fields; expected 3 as in the header");
        assertThat(error("h.csv", "a,b,c\n")).isEqualTo("h.csv: has a header but no data rows");
    }

    /** @return the message reading a CSV of this content ends in, with the folder cut off */
    private String error(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        try (SampleStream s = SampleStreams.open(file, ROWS, false)) {
            all(s, 10);
        } catch (DataFormatException e) {
            return e.getMessage().substring(dir.toString().length() + 1);
        }
        throw new AssertionError("no error for " + content);
    }

    @Test
    void readsNpyAndBothKindsOfNpzWithUint8Scaled() throws IOException {
        byte[] px = {0, (byte) 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8};
        long[] shape = {3, 2, 2};
        Path plain = npy(dir.resolve("x.npy"), "|u1", shape, ByteBuffer.wrap(px));
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("y", NpyTestFiles.bytes("<f4", new long[] {1}, floats(7)));
        arrays.put("x", NpyTestFiles.bytes("|u1", shape, ByteBuffer.wrap(px)));
        Path stored = NpyTestFiles.npz(dir.resolve("stored.npz"), arrays, false);
        Path deflated = NpyTestFiles.npz(dir.resolve("deflated.npz"), arrays, true);
        float[] expected = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            expected[i] = (px[i] & 0xFF) / 255f;
        }
        for (Path file : List.of(plain, stored, deflated)) {
            try (SampleStream s = SampleStreams.open(file, GREY_2X2, false)) {
                SampleStream.Chunk c = all(s, 2);
                assertThat(c.ids()).as(file.toString()).containsExactly("0", "1", "2");
                assertThat(c.values()).as(file.toString()).containsExactly(expected);
            }
        }
    }

    @Test
    void readsFloatRowsAndNchwDoubles() throws IOException {
        Path rows = npy(dir.resolve("rows.npy"), "<f4", new long[] {2, 3}, floats(1, 2, 3, 4, 5, 6));
        try (SampleStream s = SampleStreams.open(rows, ROWS, false)) {
            assertThat(all(s, 10).values()).containsExactly(1, 2, 3, 4, 5, 6);
        }
        ByteBuffer b = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(new double[] {0.25, 0.5, 0.75, -1});
        Path nchw = npy(dir.resolve("nchw.npy"), "<f8", new long[] {1, 1, 2, 2}, b);
        try (SampleStream s = SampleStreams.open(nchw, GREY_2X2, false)) {
            assertThat(all(s, 10).values()).containsExactly(0.25f, 0.5f, 0.75f, -1);
        }
    }

    @Test
    void readsFortranOrderArraysAsStored() throws IOException {
        // samples 0 = [1, 2, 3], 1 = [4, 5, 6], stored column by column
        ByteBuffer columns = floats(1, 4, 2, 5, 3, 6);
        Path npy = Files.write(dir.resolve("f.npy"), NpyTestFiles.bytes("<f4", true, new long[] {2, 3}, columns));
        Path npz = NpyTestFiles.npz(dir.resolve("f.npz"),
                Map.of("x", NpyTestFiles.bytes("<f4", true, new long[] {2, 3}, columns)), true);
        for (Path file : List.of(npy, npz)) {
            try (SampleStream s = SampleStreams.open(file, ROWS, false)) {
                assertThat(all(s, 1).values()).as(file.toString()).containsExactly(1, 2, 3, 4, 5, 6);
            }
        }
    }

    @Test
    void refusesBigEndianAndCutOffArraysBeforeNd4jSeesThem() throws IOException {
        ByteBuffer big = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        big.asFloatBuffer().put(new float[] {1, 2, 3});
        Path npy = npy(dir.resolve("big.npy"), ">f4", new long[] {1, 3}, big);
        assertThatThrownBy(() -> SampleStreams.open(npy, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(npy + ": holds big-endian float32 values (>f4); expected little-endian ones, as NumPy "
                        + "writes by default");
        Path npz = NpyTestFiles.npz(dir.resolve("big.npz"),
                Map.of("x", NpyTestFiles.bytes(">f4", new long[] {1, 3}, big)), false);
        assertThatThrownBy(() -> SampleStreams.open(npz, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(npz + ": array x holds big-endian float32 values (>f4); expected little-endian ones, as "
                        + "NumPy writes by default");
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(Files.readAllBytes(npy), 20));
        assertThatThrownBy(() -> SampleStreams.open(cut, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(cut + ": is not a .npy array ND4J can read (its header is cut off)");
    }

    @Test
    void refusesArraysOfAnotherShapeOrTypeAndArchivesWithoutX() throws IOException {
        Path wide = npy(dir.resolve("wide.npy"), "<f4", new long[] {1, 3, 3}, floats(new float[9]));
        assertThatThrownBy(() -> SampleStreams.open(wide, GREY_2X2, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(wide + ": holds samples of shape [1, 3, 3] but the classifier takes [1, 2, 2]; expected a "
                        + "folder of images, or a .npy or .npz of shape [N, 1, 2, 2] or [N, 2, 2]");
        Path flat = npy(dir.resolve("flat.npy"), "<f4", new long[] {1, 4}, floats(new float[4]));
        assertThatThrownBy(() -> SampleStreams.open(flat, GREY_2X2, false))
                .hasMessageStartingWith(flat + ": holds samples of shape [1, 1, 4] but the classifier takes [1, 2, 2]");
        Path ints = npy(dir.resolve("ints.npy"), "<i8", new long[] {1, 3}, NpyTestFiles.longs(1, 2, 3));
        assertThatThrownBy(() -> SampleStreams.open(ints, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(ints + ": holds int64 values; expected uint8, float32 or float64");
        Path noX = NpyTestFiles.npz(dir.resolve("no-x.npz"),
                Map.of("images", NpyTestFiles.bytes("<f4", new long[] {1, 3}, floats(1, 2, 3))), false);
        assertThatThrownBy(() -> SampleStreams.open(noX, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(noX + ": holds the arrays [images]; expected one named x");
        Path notZip = Files.writeString(dir.resolve("bad.npz"), "not a zip");
        assertThatThrownBy(() -> SampleStreams.open(notZip, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(notZip + ": is not a .npz archive ZIP can read");
    }

    @Test
    void refusesInputsTheRunsClassifierCannotTake() throws IOException {
        image("imgs/a.png", grey(0, 0, 0, 0));
        assertThatThrownBy(() -> SampleStreams.open(dir.resolve("imgs"), ROWS, false))
                .isInstanceOf(DataFormatException.class).hasMessage(dir.resolve("imgs") + ": is a folder of images, "
                        + "but the classifier takes rows of 3 features; expected a .csv with the 3 feature columns (a, "
                        + "b, c), or a .npy or .npz of shape [N, 3]");
        List<String> pixels = IntStream.rangeClosed(1, 784).mapToObj(i -> "f" + i).toList();
        InputSettings wide = new InputSettings(InputSettings.CSV, List.of("no", "yes"), 1, 1, 784, NONE, pixels);
        assertThatThrownBy(() -> SampleStreams.open(dir.resolve("imgs"), wide, false))
                .isInstanceOf(DataFormatException.class).hasMessage(dir.resolve("imgs") + ": is a folder of images, "
                        + "but the classifier takes rows of 784 features; expected a .csv with the 784 feature columns "
                        + "(f1, f2, f3, ...), or a .npy or .npz of shape [N, 784]");
        Path csv = Files.writeString(dir.resolve("t.csv"), "a\n1\n");
        assertThatThrownBy(() -> SampleStreams.open(csv, GREY_2X2, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(csv + ": is a CSV table, but the classifier was not trained on CSV columns; expected a "
                        + "folder of images, or a .npy or .npz of shape [N, 1, 2, 2] or [N, 2, 2]");
        Path txt = Files.writeString(dir.resolve("t.txt"), "1 2 3");
        assertThatThrownBy(() -> SampleStreams.open(txt, ROWS, false)).isInstanceOf(DataFormatException.class)
                .hasMessage(txt + ": is neither a folder nor a .csv, .npy or .npz file; expected a .csv with the 3 "
                        + "feature columns (a, b, c), or a .npy or .npz of shape [N, 3]");
        Path missing = dir.resolve("missing.npy");
        assertThatThrownBy(() -> SampleStreams.open(missing, ROWS, false)).isInstanceOf(FileSystemException.class)
                .hasMessage(missing + ": is missing");
    }
}
