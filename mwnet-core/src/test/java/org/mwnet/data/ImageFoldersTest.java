package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders written here with ImageIO, read back exactly, and every malformed case refused naming the file. */
class ImageFoldersTest {
    @TempDir
    Path root;

    /** Writes a 2x1 grey image with the two given values. */
    private Path grey(String cls, String name, int left, int right) throws IOException {
        BufferedImage im = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        im.getRaster().setSample(0, 0, 0, left);
        im.getRaster().setSample(1, 0, 0, right);
        return write(cls, name, im, "png");
    }

    private Path write(String cls, String name, BufferedImage im, String format) throws IOException {
        Path dir = Files.createDirectories(root.resolve(cls));
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(im, format, file.toFile())).as("ImageIO writes " + format).isTrue();
        return file;
    }

    private static BufferedImage rgb(int width, int height, int rgb) {
        BufferedImage im = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                im.setRGB(x, y, rgb);
            }
        }
        return im;
    }

    @Test
    void readsClassesSortedByNameWithExactGreyValuesAndRelativeIds() throws IOException {
        grey("zebra", "b.png", 0, 255);
        grey("zebra", "a.png", 51, 102);
        grey("ant", "only.png", 10, 20);
        LabelledData d = Datasets.fromFolder(root, ImageOptions.of(1));
        assertThat(d.classes()).containsExactly("ant", "zebra");
        assertThat(d.ids()).containsExactly("ant/only.png", "zebra/a.png", "zebra/b.png");
        assertThat(d.data().labels()).containsExactly(0, 1, 1);
        assertThat(d.data().imageShape()).containsExactly(1, 1, 2);
        assertThat(SampleValues.of(d.data()))
                .containsExactly(10 / 255f, 20 / 255f, 51 / 255f, 102 / 255f, 0, 1);
        assertThat(d.skipped()).isEmpty();
    }

    @Test
    void colourImagesGiveRgbChannelsOrLumaAndGreyImagesRepeatInRgb() throws IOException {
        write("a", "c.bmp", rgb(1, 1, 0x336699), "bmp");
        grey("b", "g.png", 102, 102);
        LabelledData three = Datasets.fromFolder(root, ImageOptions.of(3).withSize(1));
        assertThat(SampleValues.of(three.data()))
                .containsExactly(0x33 / 255f, 0x66 / 255f, 0x99 / 255f, 0.4f, 0.4f, 0.4f);
        LabelledData one = Datasets.fromFolder(root, ImageOptions.of(1).withSize(1));
        assertThat(SampleValues.of(one.data())[0])
                .isEqualTo((float) ((0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99) / 255));
    }

    @Test
    void resizesEveryImageToTheGivenSize() throws IOException {
        write("a", "big.png", rgb(6, 4, 0xFFFFFF), "png");
        write("b", "small.gif", rgb(2, 2, 0x000000), "gif");
        LabelledData d = Datasets.fromFolder(root, ImageOptions.of(3).withSize(3));
        assertThat(d.data().imageShape()).containsExactly(3, 3, 3);
        float[] v = SampleValues.of(d.data());
        assertThat(java.util.Arrays.copyOfRange(v, 0, 27)).containsOnly(1f);
        assertThat(java.util.Arrays.copyOfRange(v, 27, 54)).containsOnly(0f);
    }

    @Test
    void refusesImagesOfDifferentSizesWhenNoSizeIsGiven() throws IOException {
        Path first = write("a", "x.png", rgb(2, 2, 0), "png");
        Path other = write("b", "y.png", rgb(3, 2, 0), "png");
        assertThatThrownBy(() -> Datasets.fromFolder(root, ImageOptions.of(3)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(other + ": is 3x2 but " + first + " is 2x2; expected one size, or give an image size to "
                        + "resize them all");
    }

    @Test
    void stopsAtACorruptImageOrSkipsItAndReportsItsPath() throws IOException {
        grey("a", "good.png", 1, 2);
        grey("b", "good.png", 3, 4);
        Path bad = Files.write(root.resolve("b/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertThatThrownBy(() -> Datasets.fromFolder(root, ImageOptions.of(1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(bad + ": ")
                .hasMessageEndingWith("; expected a PNG, JPEG, BMP or GIF image");
        LabelledData d = Datasets.fromFolder(root, ImageOptions.of(1).skippingUnreadable());
        assertThat(d.ids()).containsExactly("a/good.png", "b/good.png");
        assertThat(d.skipped()).containsExactly("b/broken.png");
    }

    @Test
    void leavesOutFilesThatAreNotImagesReportingThemAndIgnoresHiddenOnes() throws IOException {
        grey("a", "x.png", 1, 2);
        grey("b", "Y.PNG", 3, 4);
        Files.writeString(root.resolve("README.md"), "about the data");
        Files.writeString(root.resolve("b/notes.txt"), "checked by hand");
        Files.writeString(root.resolve("b/.DS_Store"), "hidden");
        Files.createDirectories(root.resolve(".cache"));
        LabelledData d = Datasets.fromFolder(root, ImageOptions.of(1));
        assertThat(d.classes()).containsExactly("a", "b");
        assertThat(d.ids()).containsExactly("a/x.png", "b/Y.PNG");
        assertThat(d.notImages()).containsExactly("README.md", "b/notes.txt");
        assertThat(d.skipped()).isEmpty();
        Path notesOnly = Files.createDirectories(root.resolve("c"));
        Files.writeString(notesOnly.resolve("notes.txt"), "no images yet");
        assertThatThrownBy(() -> Datasets.fromFolder(root, ImageOptions.of(1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(notesOnly + ": class folder holds no readable image; expected PNG, JPEG, BMP or GIF files");
    }

    @Test
    void refusesAnEmptyClassFolderAndARootWithoutClassFolders() throws IOException {
        assertThatThrownBy(() -> Datasets.fromFolder(root, ImageOptions.of(1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(root + ": holds no class folders; expected <class name>/<image file> in it");
        grey("a", "x.png", 1, 2);
        Path empty = Files.createDirectories(root.resolve("b"));
        assertThatThrownBy(() -> Datasets.fromFolder(root, ImageOptions.of(1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": class folder holds no readable image; expected PNG, JPEG, BMP or GIF files");
        Path notFolder = root.resolve("a/x.png");
        assertThatThrownBy(() -> Datasets.fromFolder(notFolder, ImageOptions.of(1)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(notFolder + ": is not a folder; expected a folder of class folders");
    }
}
