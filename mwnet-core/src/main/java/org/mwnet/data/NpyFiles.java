package org.mwnet.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads samples and labels from NumPy arrays: two {@code .npy} files (the samples may also be the array x of a
 * {@code .npz} archive), or one {@code .npz} archive holding the arrays {@value NpySamples#NPZ_SAMPLES} (the
 * samples) and {@value #NPZ_LABELS} (the labels), as {@code np.savez(file, x=..., y=...)} or
 * {@code np.savez_compressed} write it. The samples are read as {@link NpySamples} describes: [N, C, H, W],
 * [N, H, W] (one channel) or [N, D] (tabular, read as [1, 1, D]); uint8 values are divided by 255, float32 and
 * float64 values are taken as they are. The labels are a 1-D array of N integers from 0 (any integer type, or
 * floats with integral values); the classes are 0..max. A sample's id is its index, from 0.
 */
public final class NpyFiles {
    /** The name of the labels array in a {@code .npz} archive. */
    public static final String NPZ_LABELS = "y";

    private NpyFiles() {
    }

    /**
     * @param samples the samples' file ({@code .npy}, or a {@code .npz} holding an array x)
     * @param labels the labels' file
     * @return the samples, the class names ("0" to "K-1") and the indices as ids
     * @throws DataFormatException naming the file: not a .npy array, an unsupported type or shape, a label that
     *     is negative or not an integer, or label and sample counts that differ
     * @throws IOException when a file is missing or unreadable
     */
    public static LabelledData read(Path samples, Path labels) throws IOException {
        return assemble(samples, NpySamples.read(samples), labels, "",
                NpySamples.array(labels, NpyHeader.Use.LABELS));
    }

    /**
     * @param archive a {@code .npz} file with the arrays x and {@value #NPZ_LABELS}
     * @return the samples, the class names ("0" to "K-1") and the indices as ids
     * @throws DataFormatException naming the file (and the array): not a zip archive, a missing array, or any
     *     problem {@link #read} names
     * @throws IOException when the file is missing or unreadable
     */
    public static LabelledData readNpz(Path archive) throws IOException {
        return assemble(archive, NpySamples.read(archive), archive, "array " + NPZ_LABELS + " ",
                NpySamples.archived(archive, NPZ_LABELS, NpyHeader.Use.LABELS));
    }

    /**
     * @param file a {@code .npy} file of labels
     * @return its labels, one per entry
     * @throws DataFormatException naming the file: not a 1-D array of integers from 0
     * @throws IOException when the file is missing or unreadable
     */
    static int[] labels(Path file) throws IOException {
        return integers(file, "", NpySamples.array(file, NpyHeader.Use.LABELS));
    }

    private static LabelledData assemble(Path samples, NpySamples x, Path labelsFile, String labelsArray,
                                         INDArray labels) throws DataFormatException {
        int[] chw = x.shape();
        int n = x.size();
        int[] y = integers(labelsFile, labelsArray, labels);
        if (y.length != n) {
            throw new DataFormatException(labelsFile, labelsArray + "has shape [" + y.length + "]; expected [" + n
                    + "], one label per sample");
        }
        int k = Arrays.stream(y).max().orElse(-1) + 1;
        List<String> classes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(Integer.toString(c));
        }
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        Dataset data = Dataset.adopting(samples.getFileName().toString(), k, chw[0], chw[1], chw[2], x.values(0, n), y,
                y.clone());
        return LabelledData.of(data, classes, ids);
    }

    /**
     * @param file the labels' file, for messages
     * @param what "" for a {@code .npy} file, "array y " for an archive's array, for messages
     * @param a the labels as read
     * @return them as integers from 0
     */
    private static int[] integers(Path file, String what, INDArray a) throws DataFormatException {
        if (a.rank() != 1) {
            throw new DataFormatException(file, what + "has shape " + Arrays.toString(a.shape())
                    + "; expected [N], one label per sample");
        }
        double[] v = a.castTo(DataType.DOUBLE).toDoubleVector();
        int[] y = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            boolean whole = v[i] == Math.rint(v[i]) && !Double.isInfinite(v[i]);
            String problem = !whole ? "is not an integer" : v[i] < 0 ? "is negative"
                    : v[i] > Integer.MAX_VALUE ? "is too large (above " + Integer.MAX_VALUE + ")" : null;
            if (problem != null) {
                throw new DataFormatException(file, what + "label " + shown(v[i], whole, a.dataType()) + " at index "
                        + i + " " + problem + "; expected integers from 0");
            }
            y[i] = (int) v[i];
        }
        return y;
    }

    /**
     * @param label a label as read
     * @param whole whether it is a whole number
     * @param type the type of its array
     * @return it as written: a whole number without a fraction, others as float32 or float64 print them
     */
    private static String shown(double label, boolean whole, DataType type) {
        return whole ? new BigDecimal(label).toPlainString()
                : type == DataType.DOUBLE ? Double.toString(label) : Float.toString((float) label);
    }
}
