package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads samples and labels from two NumPy {@code .npy} files (parsed by ND4J); the samples may also be the array x
 * of a {@code .npz} archive. The samples are read as {@link NpySamples} describes: [N, C, H, W], [N, H, W] (one
 * channel) or [N, D] (tabular, read as [1, 1, D]); uint8 values are divided by 255, float32 and float64 values are
 * taken as they are. The labels are a 1-D array of N integers from 0 (any integer type, or
 * floats with integral values); the classes are 0..max. A sample's id is its index, from 0.
 */
public final class NpyFiles {
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
        NpySamples x = NpySamples.read(samples);
        int[] chw = x.shape();
        int n = x.size();
        float[] px = x.values(0, n);
        int[] y = labels(labels, n);
        int k = Arrays.stream(y).max().orElse(-1) + 1;
        List<String> classes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(Integer.toString(c));
        }
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        Dataset data = new Dataset(samples.getFileName().toString(), k, chw[0], chw[1], chw[2], px, y, y.clone());
        return LabelledData.of(data, classes, ids);
    }

    private static int[] labels(Path file, int n) throws IOException {
        INDArray a = NpySamples.array(file);
        if (a.rank() != 1 || a.length() != n) {
            throw new DataFormatException(file, "has shape " + Arrays.toString(a.shape()) + "; expected [" + n
                    + "], one label per sample");
        }
        if (a.dataType() == DataType.BOOL || a.dataType() == DataType.UTF8 || a.dataType() == DataType.UNKNOWN) {
            throw new DataFormatException(file, "holds " + a.dataType() + " values; expected integers");
        }
        double[] v = a.castTo(DataType.DOUBLE).toDoubleVector();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(v[i] >= 0 && v[i] == Math.rint(v[i]) && v[i] <= Integer.MAX_VALUE)) {
                throw new DataFormatException(file, "label " + v[i] + " at index " + i
                        + " is out of range; expected integers from 0");
            }
            y[i] = (int) v[i];
        }
        return y;
    }
}
