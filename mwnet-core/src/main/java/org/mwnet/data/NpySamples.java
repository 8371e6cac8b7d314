package org.mwnet.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A NumPy array of samples, checked: from a {@code .npy} file, or the array named {@value #NPZ_SAMPLES} of a
 * {@code .npz} archive (compressed or not). The samples are [N, C, H, W], [N, H, W] (one channel) or [N, D]
 * (tabular, read as [1, 1, D]) of at least one sample, little-endian, in C or Fortran order; uint8 values are
 * divided by 255, float32 and float64 values are taken as they are. Values are converted on demand, a range of
 * samples at a time.
 */
public final class NpySamples {
    /** The name of the samples array in a {@code .npz} archive. */
    public static final String NPZ_SAMPLES = "x";
    private final Path file;
    private final INDArray array;
    private final int[] shape;

    private NpySamples(Path file, INDArray array, int[] shape) {
        this.file = file;
        this.array = array;
        this.shape = shape;
    }

    /**
     * @param file a {@code .npy} file, or a {@code .npz} archive holding an array {@value #NPZ_SAMPLES}
     * @return its samples
     * @throws DataFormatException naming the file: not a NumPy array ND4J can read, no array x in an archive, an
     *     unsupported type or shape, or no samples
     * @throws IOException when the file is missing or unreadable
     */
    public static NpySamples read(Path file) throws IOException {
        INDArray x = isArchive(file) ? archived(file, NPZ_SAMPLES, NpyHeader.Use.SAMPLES)
                : array(file, NpyHeader.Use.SAMPLES);
        long[] s = x.shape();
        int[] chw = switch (s.length) {
            case 4 -> new int[] {(int) s[1], (int) s[2], (int) s[3]};
            case 3 -> new int[] {1, (int) s[1], (int) s[2]};
            case 2 -> new int[] {1, 1, (int) s[1]};
            default -> throw new DataFormatException(file, "has shape " + Arrays.toString(s)
                    + "; expected [N, C, H, W], [N, H, W] or [N, D]");
        };
        if (s[0] == 0) {
            throw new DataFormatException(file, "holds no samples; expected at least one");
        }
        return new NpySamples(file, x, chw);
    }

    /** @return the number of samples N */
    public int size() {
        return (int) array.size(0);
    }

    /** @return the shape of one sample, [C, H, W] */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @param from the first sample
     * @param to one past the last sample
     * @return their values, sample after sample in C, H, W order; uint8 values divided by 255
     * @throws DataFormatException naming the sample and the value when one is NaN or infinite (as float32)
     */
    public float[] values(int from, int to) throws DataFormatException {
        INDArray part = array.get(NDArrayIndex.interval(from, to));
        float[] v = part.castTo(DataType.FLOAT).reshape(part.length()).toFloatVector();
        if (array.dataType() == DataType.UINT8) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= 255f;
            }
            return v;
        }
        int perSample = v.length / (to - from);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new DataFormatException(file, "sample " + (from + i / perSample) + " holds " + v[i]
                        + " at position " + i % perSample + "; expected finite numbers (as float32)");
            }
        }
        return v;
    }

    /**
     * @param file a file name
     * @return whether it names a {@code .npz} archive
     */
    static boolean isArchive(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    /**
     * @param file a {@code .npy} file
     * @param use what the array holds, which decides the types accepted
     * @return its array, in the order it is stored
     * @throws DataFormatException when it is not a {@code .npy} array ND4J can read, or holds values of a type not
     *     accepted or big-endian ones
     * @throws IOException when it is missing or unreadable
     */
    static INDArray array(Path file, NpyHeader.Use use) throws IOException {
        String problem = DataFiles.problem(file);
        if (problem != null) {
            throw new FileSystemException(file.toString(), null, problem);
        }
        NpyHeader header;
        try (InputStream in = Files.newInputStream(file)) {
            header = NpyHeader.read(in, file, "", use);
        }
        header.requireValues(file, "", Files.size(file));
        try {
            return header.inStoredOrder(Nd4j.createFromNpyFile(file.toFile()));
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "is not a .npy array ND4J can read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads one array of a {@code .npz} archive (a zip of {@code .npy} files, as {@code numpy.savez} and
     * {@code numpy.savez_compressed} write them); {@link java.util.zip} inflates compressed entries, which ND4J's own
     * reader does not.
     *
     * @param file the archive
     * @param name the array's name (its entry is {@code name.npy})
     * @param use what the array holds, which decides the types accepted
     * @return the array, in the order it is stored
     * @throws DataFormatException when the file is not a zip archive, has no such array, or the entry is not a
     *     {@code .npy} array ND4J can read or holds values of a type not accepted or big-endian ones
     * @throws IOException when the file is missing or unreadable
     */
    static INDArray archived(Path file, String name, NpyHeader.Use use) throws IOException {
        String problem = DataFiles.problem(file);
        if (problem != null) {
            throw new FileSystemException(file.toString(), null, problem);
        }
        byte[] bytes;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name + ".npy");
            if (entry == null) {
                List<String> names = new ArrayList<>();
                for (ZipEntry e : Collections.list(zip.entries())) {
                    names.add(e.getName().replaceFirst("\\.npy$", ""));
                }
                throw new DataFormatException(file, "holds the arrays " + names + "; expected one named " + name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readAllBytes();
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            // ZipFile reports a file that is no zip, and a damaged entry, as ZipException or EOFException
            throw new DataFormatException(file, "is not a .npz archive ZIP can read (" + e.getMessage() + ")");
        }
        NpyHeader header = NpyHeader.read(new ByteArrayInputStream(bytes), file, "array " + name + " ", use);
        header.requireValues(file, "array " + name + " ", bytes.length);
        try {
            return header.inStoredOrder(Nd4j.createNpyFromByteArray(bytes));
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "array " + name + " is not a .npy array ND4J can read ("
                    + e.getMessage() + ")");
        }
    }
}
