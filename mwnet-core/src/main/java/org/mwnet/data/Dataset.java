package org.mwnet.data;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Checksum;
import org.mwnet.io.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A labelled image set held in memory: normalised pixels in NCHW order, the labels a learner sees
 * (possibly corrupted) and the true labels, kept so experiments can tell corrupted samples from clean ones.
 * Instances are immutable: the public constructor copies the caller's arrays, and subsets and relabellings copy (the
 * loaders of this package hand over arrays they built, {@link #adopting}). They are serializable, so that a
 * data-parallel runner can ship a shard to a worker.
 */
public final class Dataset implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Labels copied per checksum update. */
    private static final int CHECKSUM_CHUNK = 1 << 14;
    private final String name;
    private final int numClasses;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final int[] labels;
    private final int[] cleanLabels;

    /**
     * @param name a short name for messages and metrics
     * @param numClasses number of classes K; labels lie in [0, K)
     * @param channels image channels
     * @param height image height
     * @param width image width
     * @param pixels normalised pixels, {@code size * channels * height * width} values, NCHW
     * @param labels observed labels
     * @param cleanLabels true labels (equal to {@code labels} for clean data)
     * @throws IllegalArgumentException when the sizes disagree or a label lies outside [0, K)
     */
    public Dataset(String name, int numClasses, int channels, int height, int width,
                   float[] pixels, int[] labels, int[] cleanLabels) {
        this(name, numClasses, channels, height, width, pixels.clone(), labels.clone(), cleanLabels.clone(), true);
    }

    /**
     * Takes the arrays as they are: this package's loaders and copies built them for this set alone.
     *
     * @param owned marks this constructor apart from the public one, which copies
     */
    private Dataset(String name, int numClasses, int channels, int height, int width,
                    float[] pixels, int[] labels, int[] cleanLabels, boolean owned) {
        if (labels.length != cleanLabels.length) {
            throw new IllegalArgumentException("labels (" + labels.length + ") and clean labels ("
                    + cleanLabels.length + ") differ in length");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values do not fit "
                    + labels.length + " images of " + channels + "x" + height + "x" + width);
        }
        requireClasses(name, labels, numClasses, "label");
        requireClasses(name, cleanLabels, numClasses, "clean label");
        this.name = name;
        this.numClasses = numClasses;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.cleanLabels = cleanLabels;
    }

    /**
     * A set that owns the given arrays, which no one else may change: for this package's loaders, which build them
     * for the set (a copy would double a large dataset's memory while it loads).
     */
    static Dataset adopting(String name, int numClasses, int channels, int height, int width, float[] pixels,
                            int[] labels, int[] cleanLabels) {
        return new Dataset(name, numClasses, channels, height, width, pixels, labels, cleanLabels, true);
    }

    private static void requireClasses(String name, int[] labels, int numClasses, String what) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(name + ": " + what + " " + labels[i] + " of sample " + i
                        + " is outside the " + numClasses + " classes [0, " + numClasses + ")");
            }
        }
    }

    /**
     * Feeds the images (as float bits) and the observed labels into a checksum, to tell one copy of the data from
     * another.
     *
     * @param checksum updated in place
     */
    public void updateChecksum(Checksum checksum) {
        FloatChecksums.update(checksum, pixels, 0, pixels.length);
        ByteBuffer bytes = ByteBuffer.allocate(CHECKSUM_CHUNK * Integer.BYTES);
        for (int i = 0; i < labels.length; i += CHECKSUM_CHUNK) {
            int n = Math.min(CHECKSUM_CHUNK, labels.length - i);
            bytes.clear().asIntBuffer().put(labels, i, n);
            checksum.update(bytes.limit(n * Integer.BYTES));
        }
    }

    /**
     * @param i sample index
     * @return the CRC32 of its values as this set holds them (normalised), each float fed as its big-endian bits
     *     ({@link FloatChecksums#crc32})
     */
    public long sampleChecksum(int i) {
        return FloatChecksums.crc32(pixels, i * imageSize(), imageSize());
    }

    /** @return the dataset's short name */
    public String name() {
        return name;
    }

    /** @return the number of samples */
    public int size() {
        return labels.length;
    }

    /** @return the number of classes K */
    public int numClasses() {
        return numClasses;
    }

    /** @return the image shape {channels, height, width} */
    public int[] imageShape() {
        return new int[] {channels, height, width};
    }

    /** @return number of values in one image */
    public int imageSize() {
        return channels * height * width;
    }

    /** @return the values themselves, not a copy, for readers in this package that must not change them */
    float[] values() {
        return pixels;
    }

    /** @param i sample index @return its observed label */
    public int label(int i) {
        return labels[i];
    }

    /** @param i sample index @return its true label */
    public int cleanLabel(int i) {
        return cleanLabels[i];
    }

    /** @return a copy of the observed labels */
    public int[] labels() {
        return labels.clone();
    }

    /** @return a copy of the true labels */
    public int[] cleanLabels() {
        return cleanLabels.clone();
    }

    /** @param i sample index @return whether its observed label differs from its true label */
    public boolean isCorrupted(int i) {
        return labels[i] != cleanLabels[i];
    }

    /** @return the fraction of samples whose observed label is wrong */
    public double noisyFraction() {
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            wrong += labels[i] != cleanLabels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) wrong / labels.length;
    }

    /** @return how many samples carry each observed label */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /**
     * @param indices sample indices, in the order wanted
     * @return a new dataset of those samples
     */
    public Dataset subset(int[] indices) {
        int d = imageSize();
        float[] px = new float[indices.length * d];
        int[] y = new int[indices.length];
        int[] yc = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, px, k * d, d);
            y[k] = labels[indices[k]];
            yc[k] = cleanLabels[indices[k]];
        }
        return adopting(name, numClasses, channels, height, width, px, y, yc);
    }

    /**
     * For data whose true labels are known apart from the files (a benchmark's clean labels, or a notebook that
     * corrupted the labels itself), so that reports can tell corrupted samples from clean ones.
     *
     * @param clean true labels in [0, K), one per sample
     * @return the same images and observed labels with these true labels
     * @throws IllegalArgumentException when the count differs from the size or a label is outside [0, K)
     */
    public Dataset withCleanLabels(int[] clean) {
        if (clean.length != labels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " clean labels, got " + clean.length);
        }
        for (int i = 0; i < clean.length; i++) {
            if (clean[i] < 0 || clean[i] >= numClasses) {
                throw new IllegalArgumentException("clean label " + clean[i] + " of sample " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
        return adopting(name, numClasses, channels, height, width, pixels, labels, clean.clone());
    }

    /**
     * @param observed new observed labels, one per sample
     * @return the same images and true labels with these observed labels
     */
    public Dataset withLabels(int[] observed) {
        if (observed.length != labels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " labels, got " + observed.length);
        }
        return adopting(name, numClasses, channels, height, width, pixels, observed.clone(), cleanLabels);
    }

    /**
     * @param k the class count K of the relabelled set
     * @param observed new observed labels in [0, K), one per sample
     * @param clean new true labels in [0, K), one per sample
     * @return the same images with these classes and labels (for readers that put a user's sets on one class list)
     */
    Dataset relabel(int k, int[] observed, int[] clean) {
        return adopting(name, k, channels, height, width, pixels, observed.clone(), clean.clone());
    }

    /**
     * Copies the images of some samples into {@code out}, an array of shape [indices.length, C, H, W]
     * (or [indices.length, C*H*W]) of any floating type.
     *
     * @param indices sample indices
     * @param out destination
     */
    public void copyImages(int[] indices, INDArray out) {
        copyImages(indices, out, new float[indices.length * imageSize()]);
    }

    /**
     * Copies images through a caller-owned staging buffer, so repeated batches allocate no heap arrays.
     *
     * @param indices sample indices
     * @param out destination, [indices.length, C, H, W] or [indices.length, C*H*W], of any floating type
     * @param staging a buffer of at least {@code indices.length * imageSize()} floats
     */
    public void copyImages(int[] indices, INDArray out, float[] staging) {
        int d = imageSize();
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, staging, k * d, d);
        }
        HostArrays.write(out, staging, indices.length * d);
    }

    /**
     * Writes one-hot observed labels of some samples into {@code out}, shape [indices.length, K].
     *
     * @param indices sample indices
     * @param out destination
     */
    public void copyOneHot(int[] indices, INDArray out) {
        float[] oneHot = new float[indices.length * numClasses];
        for (int k = 0; k < indices.length; k++) {
            oneHot[k * numClasses + labels[indices[k]]] = 1;
        }
        HostArrays.write(out, oneHot);
    }

    @Override
    public String toString() {
        return name + "[" + size() + " x " + Arrays.toString(imageShape()) + ", " + numClasses + " classes]";
    }
}
