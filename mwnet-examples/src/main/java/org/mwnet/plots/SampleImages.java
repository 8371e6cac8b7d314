package org.mwnet.plots;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.mwnet.data.Dataset;
import org.mwnet.data.Normalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Samples as images for display: channel-major values in [0, 1] become 8-bit pixels ({@code round(255 v)}, values
 * outside [0, 1] clipped), one channel as a grey image, three as an RGB image.
 */
public final class SampleImages {
    private SampleImages() {
    }

    /**
     * @param values channel-major values of one sample ([C, H, W]), in [0, 1]
     * @param channels C, 1 or 3
     * @param height H
     * @param width W
     * @return the image: grey for one channel, RGB for three
     * @throws IllegalArgumentException for another channel count, or values that do not fit the shape
     */
    public static BufferedImage fromValues(float[] values, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) channels, got " + channels);
        }
        int plane = height * width;
        if (values.length != channels * plane) {
            throw new IllegalArgumentException(values.length + " values do not fit an image of " + channels + "x"
                    + height + "x" + width);
        }
        BufferedImage image = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (channels == 1) {
                    raster.setSample(x, y, 0, byteOf(values[p]));
                } else {
                    image.setRGB(x, y, byteOf(values[p]) << 16 | byteOf(values[plane + p]) << 8
                            | byteOf(values[2 * plane + p]));
                }
            }
        }
        return image;
    }

    /**
     * @param data a dataset whose values were normalised
     * @param index a sample of it
     * @param normalization the normalisation applied to it, undone for display
     * @return the sample as it was read, as an image
     */
    public static BufferedImage of(Dataset data, int index, Normalization normalization) {
        int[] s = data.imageShape();
        INDArray one = Nd4j.create(DataType.FLOAT, 1, data.imageSize());
        data.copyImages(new int[] {index}, one);
        float[] v = one.toFloatVector();
        int plane = s[1] * s[2];
        for (int i = 0; i < v.length; i++) {
            int c = i / plane;
            v[i] = (float) (v[i] * normalization.std()[c] + normalization.mean()[c]);
        }
        return fromValues(v, s[0], s[1], s[2]);
    }

    private static int byteOf(float v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255.0);
    }
}
