package org.mwnet.data;

/**
 * Per-channel normalisation of 8-bit pixels: {@code (p / 255 - mean[c]) / std[c]}.
 *
 * @param mean per-channel mean of the [0, 1] pixels
 * @param std per-channel standard deviation of the [0, 1] pixels
 */
public record Normalization(double[] mean, double[] std) {
    /**
     * Converts raw NCHW bytes to normalised floats.
     *
     * @param raw unsigned bytes, NCHW
     * @param pixelsPerChannel H*W
     * @return the normalised values
     */
    public float[] apply(byte[] raw, int pixelsPerChannel) {
        float[] out = new float[raw.length];
        int channels = mean.length;
        for (int i = 0; i < raw.length; i++) {
            int c = (i / pixelsPerChannel) % channels;
            out[i] = (float) (((raw[i] & 0xFF) / 255.0 - mean[c]) / std[c]);
        }
        return out;
    }
}
