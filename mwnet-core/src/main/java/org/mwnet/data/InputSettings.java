package org.mwnet.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a run turned its input into samples, recorded in every checkpoint so that {@code predict} prepares new data the
 * same way and reports classes by name: the input's format, the class names (label {@code c} is
 * {@code classes.get(c)}), the sample shape, the normalisation applied after reading, and for CSV input the feature
 * columns in order.
 *
 * <p>Readers give values in their natural scale (images and uint8 arrays in [0, 1], CSV and float arrays as stored);
 * {@link #normalization} then maps value {@code v} of channel {@code c} to {@code (v - mean[c]) / std[c]}. A built-in
 * dataset's fixed normalisation is of the same form.
 *
 * @param format a built-in dataset's name (one of {@link Datasets#NAMES}), or the user's files' format:
 *     {@link #FOLDER}, {@link #CSV}, {@link #NPY} or {@link #ITERATOR}
 * @param classes class names, in label order
 * @param channels sample channels (1 for CSV rows)
 * @param height sample height (1 for CSV rows and [N, D] arrays)
 * @param width sample width (the feature count for CSV rows and [N, D] arrays)
 * @param normalization per-channel normalisation applied after reading
 * @param columns the feature columns of CSV input, in order (empty for other formats)
 */
public record InputSettings(String format, List<String> classes, int channels, int height, int width,
                            Normalization normalization, List<String> columns) {
    /** Image folders, {@code root/<class name>/<image file>}. */
    public static final String FOLDER = "folder";
    /** A CSV table of numeric features and a label column. */
    public static final String CSV = "csv";
    /** NumPy {@code .npy} or {@code .npz} arrays. */
    public static final String NPY = "npy";
    /** A Deeplearning4j {@code DataSetIterator}. */
    public static final String ITERATOR = "iterator";

    /** Copies the lists and checks the shape and normalisation agree. */
    public InputSettings {
        classes = List.copyOf(classes);
        columns = List.copyOf(columns);
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("sample shape " + channels + "x" + height + "x" + width
                    + " must have every side at least 1");
        }
        if (normalization.mean().length != channels || normalization.std().length != channels) {
            throw new IllegalArgumentException("a normalisation of " + normalization.mean().length
                    + " channels does not fit samples of " + channels);
        }
    }

    /**
     * @param name a built-in dataset's name
     * @param train its training part (for the shape and class count)
     * @param normalization its fixed normalisation
     * @return the settings of that dataset; its classes are named by their numbers
     */
    public static InputSettings ofDataset(String name, Dataset train, Normalization normalization) {
        int[] s = train.imageShape();
        List<String> classes = IntStream.range(0, train.numClasses()).mapToObj(Integer::toString).toList();
        return new InputSettings(name, classes, s[0], s[1], s[2], normalization, List.of());
    }

    /**
     * @param format the files' format ({@link #FOLDER}, {@link #CSV}, {@link #NPY} or {@link #ITERATOR})
     * @param train the training set as read (for the class names and the shape)
     * @param normalization the normalisation fitted on it
     * @return the settings of a run on the user's own files, with the training set's CSV feature columns (none for
     *     other formats)
     */
    public static InputSettings ofFiles(String format, LabelledData train, Normalization normalization) {
        int[] s = train.data().imageShape();
        return new InputSettings(format, train.classes(), s[0], s[1], s[2], normalization, train.columns());
    }

    /** @return the sample shape [C, H, W] */
    public int[] shape() {
        return new int[] {channels, height, width};
    }

    /** @return the class count K */
    public int numClasses() {
        return classes.size();
    }

    /** Compares the normalisation by value (records compare arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof InputSettings i && format.equals(i.format) && classes.equals(i.classes)
                && channels == i.channels && height == i.height && width == i.width && columns.equals(i.columns)
                && Arrays.equals(normalization.mean(), i.normalization.mean())
                && Arrays.equals(normalization.std(), i.normalization.std());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(format, classes, channels, height, width, columns,
                Arrays.hashCode(normalization.mean()), Arrays.hashCode(normalization.std()));
    }
}
