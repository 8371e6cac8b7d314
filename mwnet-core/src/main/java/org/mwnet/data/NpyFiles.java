package org.mwnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads samples and labels from NumPy arrays: two {@code .npy} files, or one {@code .npz} archive holding the
 * arrays {@value #SAMPLES} (the samples) and {@value #LABELS} (the labels), as {@code np.savez(file, x=..., y=...)}
 * or {@code np.savez_compressed} write it. Each array's header is checked first ({@link NpyHeader}), then ND4J
 * parses it. The samples are [N, C, H, W], [N, H, W] (one channel) or [N, D] (tabular, read as [1, 1, D]); uint8
 * values are divided by 255, float32 and float64 values are taken as they are. The labels are a 1-D array of N
 * integers from 0 (any integer type, or floats with integral values); the classes are 0..max. A sample's id is its
 * index, from 0.
 */
public final class NpyFiles {
    /** The samples' array name in a {@code .npz} archive. */
    public static final String SAMPLES = "x";
    /** The labels' array name in a {@code .npz} archive. */
    public static final String LABELS = "y";
    private static final Set<DataType> SAMPLE_TYPES = Set.of(DataType.UINT8, DataType.FLOAT, DataType.DOUBLE);

    private NpyFiles() {
    }

    /**
     * @param samples the samples' file
     * @param labels the labels' file
     * @return the samples, the class names ("0" to "K-1") and the indices as ids
     * @throws DataFormatException naming the file: not a .npy array, an unsupported type, byte order or shape, a
     *     label that is negative or not an integer, or label and sample counts that differ
     * @throws IOException when a file is missing or unreadable
     */
    public static LabelledData read(Path samples, Path labels) throws IOException {
        return assemble(samples.getFileName().toString(), Source.of(samples), Source.of(labels));
    }

    /**
     * @param archive a {@code .npz} file with the arrays {@value #SAMPLES} and {@value #LABELS}
     * @return the samples, the class names ("0" to "K-1") and the indices as ids
     * @throws DataFormatException naming the file (and the array): not a zip archive, a missing array, or any
     *     problem {@link #read} names
     * @throws IOException when the file is missing or unreadable
     */
    public static LabelledData readNpz(Path archive) throws IOException {
        requireReadable(archive);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry x = zip.getEntry(SAMPLES + ".npy");
            ZipEntry y = zip.getEntry(LABELS + ".npy");
            if (x == null || y == null) {
                List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                        .map(n -> n.replaceFirst("\\.npy$", "")).toList();
                throw new DataFormatException(archive, "holds the arrays " + names + "; expected '" + SAMPLES
                        + "' (the samples) and '" + LABELS + "' (the labels), as np.savez(file, " + SAMPLES
                        + "=samples, " + LABELS + "=labels) writes them");
            }
            return assemble(archive.getFileName().toString(), new Source(archive, SAMPLES, bytes(zip, x)),
                    new Source(archive, LABELS, bytes(zip, y)));
        } catch (ZipException e) {
            throw new DataFormatException(archive, "is not a .npz archive (" + e.getMessage() + "); expected a file "
                    + "np.savez wrote");
        }
    }

    /**
     * @param file a {@code .npy} file of labels
     * @return its labels, one per entry
     * @throws DataFormatException naming the file: not a 1-D array of integers from 0
     * @throws IOException when the file is missing or unreadable
     */
    static int[] labels(Path file) throws IOException {
        return integers(Source.of(file));
    }

    private static LabelledData assemble(String name, Source samples, Source labels) throws IOException {
        INDArray x = samples.array();
        if (!SAMPLE_TYPES.contains(x.dataType())) {
            throw samples.bad("holds " + x.dataType() + " values; expected uint8, float32 or float64");
        }
        long[] s = x.shape();
        int[] chw = switch (s.length) {
            case 4 -> new int[] {(int) s[1], (int) s[2], (int) s[3]};
            case 3 -> new int[] {1, (int) s[1], (int) s[2]};
            case 2 -> new int[] {1, 1, (int) s[1]};
            default -> throw samples.bad("has shape " + Arrays.toString(s)
                    + "; expected [N, C, H, W], [N, H, W] or [N, D]");
        };
        int n = (int) s[0];
        if (n == 0) {
            throw samples.bad("holds no samples; expected at least one");
        }
        float[] px = x.castTo(DataType.FLOAT).reshape(x.length()).toFloatVector();
        if (x.dataType() == DataType.UINT8) {
            for (int i = 0; i < px.length; i++) {
                px[i] /= 255f;
            }
        }
        int[] y = integers(labels);
        if (y.length != n) {
            throw labels.bad("has shape [" + y.length + "]; expected [" + n + "], one label per sample");
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
        Dataset data = new Dataset(name, k, chw[0], chw[1], chw[2], px, y, y.clone());
        return LabelledData.of(data, classes, ids);
    }

    private static int[] integers(Source source) throws IOException {
        INDArray a = source.array();
        if (a.rank() != 1) {
            throw source.bad("has shape " + Arrays.toString(a.shape()) + "; expected [N], one label per sample");
        }
        if (a.dataType() == DataType.BOOL) {
            throw source.bad("holds " + a.dataType() + " values; expected integers");
        }
        double[] v = a.castTo(DataType.DOUBLE).toDoubleVector();
        int[] y = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] == Math.rint(v[i]) && v[i] <= Integer.MAX_VALUE)) {
                throw source.bad("label " + v[i] + " at index " + i + " is out of range; expected integers from 0");
            }
            y[i] = (int) v[i];
        }
        return y;
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void requireReadable(Path file) throws FileSystemException {
        String problem = DataFiles.problem(file);
        if (problem != null) {
            throw new FileSystemException(file.toString(), null, problem);
        }
    }

    /**
     * One array's bytes and where they came from, for messages: a {@code .npy} file, or an array in a {@code .npz}.
     *
     * @param file the file
     * @param entry the array's name inside a {@code .npz}, or null for a {@code .npy} file
     * @param bytes the {@code .npy} bytes
     */
    private record Source(Path file, String entry, byte[] bytes) {
        static Source of(Path npy) throws IOException {
            requireReadable(npy);
            return new Source(npy, null, java.nio.file.Files.readAllBytes(npy));
        }

        DataFormatException bad(String problem) {
            return new DataFormatException(file, (entry == null ? "" : "array '" + entry + "' ") + problem);
        }

        INDArray array() throws DataFormatException {
            String problem = NpyHeader.problem(bytes);
            if (problem != null) {
                throw bad(problem);
            }
            try {
                return Nd4j.createNpyFromByteArray(bytes);
            } catch (RuntimeException e) {
                throw bad("is not a .npy array ND4J can read (" + e.getMessage() + ")");
            }
        }
    }
}
