package org.mwnet.data;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads {@code root/<class name>/<image file>} folders (PNG, JPEG, BMP or GIF, decoded by {@link ImageIO}) into a
 * dataset with values in [0, 1]. Classes are the sub-folders sorted by name; images within a class are read in name
 * order, and each sample's id is its path relative to the root, with '/' separators. Which files are images is the
 * rule prediction follows too ({@link SampleStreams}): files and folders whose name starts with a dot are hidden and
 * ignored; other files, in the root or in a class folder, whose extension is no format ImageIO reads (png, jpg, jpeg,
 * gif, bmp, wbmp, tif, tiff with the JDK's readers) are left out and reported ({@link LabelledData#notImages()}).
 * Transparency is ignored: a pixel keeps its stored colour.
 */
public final class ImageFolders {
    private static final double[] LUMA = {0.299, 0.587, 0.114};

    private ImageFolders() {
    }

    /**
     * @param root the folder of class folders
     * @param options channels, size and what to do with unreadable images
     * @return the images, the class names and the ids
     * @throws DataFormatException naming the folder or file: no class folders, an empty class folder, an image
     *     that cannot be decoded (unless skipped), or images of different sizes when no size is given
     * @throws IOException when a folder cannot be listed
     */
    public static LabelledData read(Path root, ImageOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, "is not a folder; expected a folder of class folders");
        }
        List<Path> classDirs = classFolders(root);
        if (classDirs.isEmpty()) {
            throw new DataFormatException(root, "holds no class folders; expected <class name>/<image file> in it");
        }
        List<String> classes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notImages = new ArrayList<>(ImageFiles.list(root, root, false).notImages());
        List<Integer> labels = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        Path first = null;
        int[] firstSize = null;
        for (Path dir : classDirs) {
            int label = classes.size();
            classes.add(dir.getFileName().toString());
            int before = images.size();
            ImageFiles.Listing files = ImageFiles.list(root, dir, false);
            notImages.addAll(files.notImages());
            for (Path file : files.images()) {
                String id = ImageFiles.id(root, file);
                BufferedImage image = decode(file, options.skipUnreadable());
                if (image == null) {
                    skipped.add(id);
                    continue;
                }
                if (first == null) {
                    first = file;
                    firstSize = new int[] {image.getWidth(), image.getHeight()};
                } else if (options.size() == 0
                        && (image.getWidth() != firstSize[0] || image.getHeight() != firstSize[1])) {
                    throw new DataFormatException(file, "is " + image.getWidth() + "x" + image.getHeight() + " but "
                            + first + " is " + firstSize[0] + "x" + firstSize[1]
                            + "; expected one size, or give an image size to resize them all");
                }
                int side = options.size();
                images.add(pixels(side == 0 ? image : fitted(image, side, side), options.channels()));
                labels.add(label);
                ids.add(id);
            }
            if (images.size() == before) {
                throw new DataFormatException(dir, "class folder holds no readable image; expected PNG, JPEG, BMP "
                        + "or GIF files");
            }
        }
        int h = options.size() == 0 ? firstSize[1] : options.size();
        int w = options.size() == 0 ? firstSize[0] : options.size();
        int d = options.channels() * h * w;
        float[] px = new float[images.size() * d];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, px, i * d, d);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Dataset data = Dataset.adopting(root.getFileName().toString(), classes.size(), options.channels(), h, w, px, y,
                y.clone());
        return new LabelledData(data, classes, ids, skipped, notImages.stream().sorted().toList(), List.of());
    }

    /**
     * Reads one image file into a sample the way {@link #read} reads each file of a folder: decoded by
     * {@link ImageIO}, resized (bilinear) to {@code height x width} unless it has that size already, and converted to
     * {@code channels} as {@link ImageOptions} describes.
     *
     * @param file the image file
     * @param channels 1 or 3
     * @param height the sample's height
     * @param width the sample's width
     * @return channel-major values in [0, 1], {@code channels * height * width} of them
     * @throws DataFormatException naming the file when it cannot be read or decoded
     */
    public static float[] readImage(Path file, int channels, int height, int width) throws DataFormatException {
        return pixels(fitted(decode(file, false), height, width), channels);
    }

    /** @return the root's folders that are not hidden, sorted by name */
    private static List<Path> classFolders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).filter(p -> !ImageFiles.hidden(p.getFileName())).sorted()
                    .toList();
        }
    }

    /** @return the image, or null when it cannot be decoded and skipping was asked for */
    private static BufferedImage decode(Path file, boolean skip) throws DataFormatException {
        String why;
        try (InputStream in = DataFiles.open(file)) {
            BufferedImage image = ImageIO.read(in);
            if (image != null) {
                return image;
            }
            why = "is not an image ImageIO can decode";
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt files as IIOException, and some decoders as runtime exceptions
            why = "cannot be decoded (" + e.getMessage() + ")";
        }
        if (skip) {
            return null;
        }
        throw new DataFormatException(file, why + "; expected a PNG, JPEG, BMP or GIF image");
    }

    /** @return the image itself when it is {@code height x width} already, else a bilinear resize to that size */
    private static BufferedImage fitted(BufferedImage image, int height, int width) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        // the same type keeps grey images grey, so no colour-space conversion touches their values
        int type = image.getType() == BufferedImage.TYPE_CUSTOM || image.getType() == BufferedImage.TYPE_BYTE_BINARY
                || image.getType() == BufferedImage.TYPE_BYTE_INDEXED ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage out = new BufferedImage(width, height, type);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Channel-major values in [0, 1]. */
    private static float[] pixels(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[channels * h * w];
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        Raster raster = image.getRaster();
        // grey samples are read from the raster: ColorModel.getRGB would treat them as linear and change them
        double greyMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (grey) {
                    float v = (float) (raster.getSample(x, y, 0) / greyMax);
                    for (int c = 0; c < channels; c++) {
                        out[c * h * w + p] = v;
                    }
                    continue;
                }
                int rgb = image.getRGB(x, y);
                double[] v = {(rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
                if (channels == 3) {
                    for (int c = 0; c < 3; c++) {
                        out[c * h * w + p] = (float) v[c];
                    }
                } else {
                    out[p] = (float) (LUMA[0] * v[0] + LUMA[1] * v[1] + LUMA[2] * v[2]);
                }
            }
        }
        return out;
    }
}
