package org.mwnet.data;

/**
 * Per-channel normalisation of 8-bit pixels: {@code (p / 255 - mean[c]) / std[c]}; or, for data read from a user's
 * files, of values already in their final scale: {@code (v - mean[c]) / std[c]}, with the statistics computed on the
 * training set ({@link #fit}) and applied to every set ({@link #applyTo}).
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

    /**
     * Computes each channel's mean and (population) standard deviation over all samples; a channel whose values are
     * all equal gets a standard deviation of 1, so normalising only centres it.
     *
     * @param train the training set
     * @return its statistics
     */
    public static Normalization fit(Dataset train) {
        int channels = train.imageShape()[0];
        int perChannel = train.imageSize() / channels;
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        float[] v = train.values();
        for (int i = 0; i < v.length; i++) {
            int c = (i / perChannel) % channels;
            sum[c] += v[i];
            sumSq[c] += (double) v[i] * v[i];
        }
        double count = (double) train.size() * perChannel;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / count;
            double sd = Math.sqrt(Math.max(0, sumSq[c] / count - mean[c] * mean[c]));
            std[c] = sd > 1e-12 ? sd : 1;
        }
        return new Normalization(mean, std);
    }

    /**
     * @param data a set with as many channels as this normalisation
     * @return the same samples and labels with values {@code (v - mean[c]) / std[c]}
     */
    public Dataset applyTo(Dataset data) {
        int[] shape = data.imageShape();
        if (shape[0] != mean.length) {
            throw new IllegalArgumentException(data.name() + " has " + shape[0] + " channels; this normalisation has "
                    + mean.length);
        }
        float[] out = apply(data.values(), shape[1] * shape[2]);
        return Dataset.adopting(data.name(), data.numClasses(), shape[0], shape[1], shape[2], out, data.labels(),
                data.cleanLabels());
    }

    /**
     * @param values samples with as many channels as this normalisation, NCHW, in their final scale
     * @param valuesPerChannel H*W
     * @return the normalised values {@code (v - mean[c]) / std[c]}
     */
    public float[] apply(float[] values, int valuesPerChannel) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int c = (i / valuesPerChannel) % mean.length;
            out[i] = (float) ((values[i] - mean[c]) / std[c]);
        }
        return out;
    }
}
