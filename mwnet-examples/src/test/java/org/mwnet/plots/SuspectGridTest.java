package org.mwnet.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The suspects grid's layout, its drawing of each image, and the conversion of sample values to images. */
class SuspectGridTest {
    private static BufferedImage randomImage(int width, int height, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        return image;
    }

    @Test
    void aGridHasTenColumnsAtMostAndAsManyRowsAsNeeded() {
        assertThat(SuspectGrid.Layout.of(3)).isEqualTo(new SuspectGrid.Layout(3, 3, 1));
        assertThat(SuspectGrid.Layout.of(10)).isEqualTo(new SuspectGrid.Layout(10, 10, 1));
        assertThat(SuspectGrid.Layout.of(23)).isEqualTo(new SuspectGrid.Layout(23, 10, 3));
        assertThat(SuspectGrid.Layout.of(100).height()).isEqualTo(10 * SuspectGrid.CELL_HEIGHT);
        assertThatThrownBy(() -> SuspectGrid.Layout.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuspectGrid.Layout.of(SuspectGrid.MAX_IMAGES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a grid shows 1 to 100 images, got 101");
    }

    @Test
    void smallImagesAreEnlargedByWholeFactorsAndLargeOnesShrunkToFit() {
        SuspectGrid.Layout layout = SuspectGrid.Layout.of(12);
        Rectangle small = layout.placement(0, 28, 28);
        assertThat(small.width).isEqualTo(4 * 28).isEqualTo(small.height);
        Rectangle wide = layout.placement(11, 30, 10);
        assertThat(wide.width).as("factor 3, not 3.73").isEqualTo(90);
        assertThat(wide.height).isEqualTo(30);
        assertThat(wide.x).as("second row, second column, centred").isEqualTo(SuspectGrid.CELL_WIDTH
                + (SuspectGrid.CELL_WIDTH - 90) / 2);
        assertThat(wide.y).isGreaterThan(SuspectGrid.CELL_HEIGHT);
        Rectangle large = layout.placement(0, 448, 224);
        assertThat(large.width).isEqualTo(SuspectGrid.IMAGE);
        assertThat(large.height).isEqualTo(SuspectGrid.IMAGE / 2);
    }

    @Test
    void everyImageIsDrawnInItsCellPixelForPixel() {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(randomImage(16, 16, i));
        }
        BufferedImage grid = SuspectGrid.draw(images, Collections.nCopies(12, "Ankle boot -> Sneaker"));
        SuspectGrid.Layout layout = SuspectGrid.Layout.of(12);
        assertThat(grid.getWidth()).isEqualTo(layout.width()).isEqualTo(10 * SuspectGrid.CELL_WIDTH);
        assertThat(grid.getHeight()).isEqualTo(layout.height()).isEqualTo(2 * SuspectGrid.CELL_HEIGHT);
        for (int i : new int[] {0, 9, 10, 11}) {
            Rectangle r = layout.placement(i, 16, 16);
            int factor = r.width / 16;
            assertThat(factor).isEqualTo(7);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int expected = images.get(i).getRGB(x, y);
                    assertThat(grid.getRGB(r.x + factor * x, r.y + factor * y)).isEqualTo(expected);
                    assertThat(grid.getRGB(r.x + factor * x + factor - 1, r.y + factor * y + factor - 1))
                            .as("a whole block per stored pixel").isEqualTo(expected);
                }
            }
        }
        assertThat(grid.getRGB(grid.getWidth() - 1, grid.getHeight() - 1)).as("the empty cells stay white")
                .isEqualTo(0xFFFFFFFF);
        int captionY = layout.placement(0, 16, 16).y + SuspectGrid.IMAGE + 10;
        boolean dark = false;
        for (int x = 0; x < SuspectGrid.CELL_WIDTH; x++) {
            dark |= (grid.getRGB(x, captionY) & 0xFF) < 128;
        }
        assertThat(dark).as("a caption is drawn under the image").isTrue();
    }

    @Test
    void captionsMustMatchTheImages() {
        assertThatThrownBy(() -> SuspectGrid.draw(List.of(randomImage(2, 2, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 images but 0 captions; expected one caption "
                        + "per image");
    }

    @Test
    void valuesBecomeGreyOrRgbBytes() {
        BufferedImage grey = SampleImages.fromValues(new float[] {0, 0.5f, 1, 1.5f, -1, 128 / 255f}, 1, 2, 3);
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        int[] expected = {0, 128, 255, 255, 0, 128};
        for (int i = 0; i < 6; i++) {
            assertThat(grey.getRaster().getSample(i % 3, i / 3, 0)).isEqualTo(expected[i]);
        }
        // two pixels, channel-major: R = (1, 0), G = (0, 0.2), B = (0, 1)
        BufferedImage rgb = SampleImages.fromValues(new float[] {1, 0, 0, 0.2f, 0, 1}, 3, 1, 2);
        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0033FF);
        assertThatThrownBy(() -> SampleImages.fromValues(new float[4], 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
