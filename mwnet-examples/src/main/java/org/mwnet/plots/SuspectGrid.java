package org.mwnet.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A grid of sample images, each captioned underneath, as {@code mwnet suspects} writes it to {@code suspects.png}
 * (captions "observed -> suggested") and a notebook can show inline. Images fill the grid left to right, then top to
 * bottom, {@value #COLUMNS} to a row (fewer when there are fewer images), at most {@value #MAX_IMAGES} in all. Each
 * cell is {@value #CELL_WIDTH} pixels wide and {@value #CELL_HEIGHT} high on a white background: an image square of
 * {@value #IMAGE} pixels centred at the top, the caption below it (shortened with "..." when wider than the cell).
 * An image no larger than the square is enlarged by the largest whole factor that fits, with nearest-neighbour
 * sampling, so every stored pixel becomes a block of equal pixels; a larger one is shrunk smoothly to fit. Either way
 * it keeps its aspect ratio and is centred in the square.
 */
public final class SuspectGrid {
    /** The most images one grid shows. */
    public static final int MAX_IMAGES = 100;
    /** Images per row of a full row. */
    public static final int COLUMNS = 10;
    /** Side of the square each image is fitted into, in pixels. */
    public static final int IMAGE = 112;
    /** Width of a cell, in pixels: room for captions such as "T-shirt/top -> Pullover". */
    public static final int CELL_WIDTH = 152;
    /** Height of a cell, in pixels: margin, image square, caption line, margin. */
    public static final int CELL_HEIGHT = 140;
    private static final int MARGIN = 4;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private SuspectGrid() {
    }

    /**
     * Where the cells of a grid of some images lie.
     *
     * @param count the number of images
     * @param columns cells per row
     * @param rows rows of cells
     */
    public record Layout(int count, int columns, int rows) {
        /**
         * @param count the number of images, 1 to {@value #MAX_IMAGES}
         * @return their grid's layout
         * @throws IllegalArgumentException for another count
         */
        public static Layout of(int count) {
            if (count < 1 || count > MAX_IMAGES) {
                throw new IllegalArgumentException("a grid shows 1 to " + MAX_IMAGES + " images, got " + count);
            }
            int columns = Math.min(COLUMNS, count);
            return new Layout(count, columns, (count + columns - 1) / columns);
        }

        /** @return the grid's width in pixels */
        public int width() {
            return columns * CELL_WIDTH;
        }

        /** @return the grid's height in pixels */
        public int height() {
            return rows * CELL_HEIGHT;
        }

        /**
         * @param index an image's position, from 0
         * @param width the image's width
         * @param height the image's height
         * @return the rectangle of the grid the image is drawn into
         */
        public Rectangle placement(int index, int width, int height) {
            int side = Math.max(width, height);
            // a whole factor (integer division) for an image that fits, a fraction for one that does not
            double scale = side <= IMAGE ? IMAGE / side : (double) IMAGE / side;
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            int x = index % columns * CELL_WIDTH + (CELL_WIDTH - w) / 2;
            int y = index / columns * CELL_HEIGHT + MARGIN + (IMAGE - h) / 2;
            return new Rectangle(x, y, w, h);
        }

        /**
         * @param index an image's position, from 0
         * @return the area of its caption, under its image square
         */
        Rectangle captionArea(int index) {
            return new Rectangle(index % columns * CELL_WIDTH + MARGIN, index / columns * CELL_HEIGHT + 2 * MARGIN
                    + IMAGE, CELL_WIDTH - 2 * MARGIN, CELL_HEIGHT - 3 * MARGIN - IMAGE);
        }
    }

    /**
     * @param images the images, in grid order (any size and colour model ImageIO produces)
     * @param captions one caption per image
     * @return the grid, an RGB image of {@link Layout#width()} x {@link Layout#height()} pixels
     * @throws IllegalArgumentException when there are no images, more than {@value #MAX_IMAGES}, or not one caption
     *     per image
     */
    public static BufferedImage draw(List<BufferedImage> images, List<String> captions) {
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + captions.size()
                    + " captions; expected one caption per image");
        }
        Layout layout = Layout.of(images.size());
        BufferedImage grid = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            g.setColor(Color.BLACK);
            for (int i = 0; i < images.size(); i++) {
                BufferedImage image = images.get(i);
                Rectangle r = layout.placement(i, image.getWidth(), image.getHeight());
                boolean enlarged = r.width >= image.getWidth();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, enlarged
                        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                        : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, r.x, r.y, r.width, r.height, null);
                caption(g, captions.get(i), layout.captionArea(i));
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    /** Draws a caption centred in its area, shortened with "..." to fit its width. */
    private static void caption(Graphics2D g, String text, Rectangle area) {
        FontMetrics fm = g.getFontMetrics();
        String shown = text;
        for (int keep = text.length(); fm.stringWidth(shown) > area.width && keep > 0; keep--) {
            shown = text.substring(0, keep - 1) + "...";
        }
        int x = area.x + Math.max(0, (area.width - fm.stringWidth(shown)) / 2);
        g.drawString(shown, x, area.y + fm.getAscent());
    }
}
