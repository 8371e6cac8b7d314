package org.mwnet.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.mwnet.io.AtomicFiles;

/**
 * Reader and writer of unsigned-byte IDX files (the MNIST family's format), gzipped or plain.
 * A file is gzipped when its name ends in {@code .gz}.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;
    /** The largest data size accepted: the largest byte array the JVM allocates. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;
    /** The data buffer's first size; it doubles as data arrives. */
    private static final int FIRST_CHUNK = 1 << 20;

    private Idx() {
    }

    /** The content of one IDX file: its dimensions and its bytes in row-major order. */
    public record Array(int[] dims, byte[] data) {
        /** @return the size of the first dimension (the number of items) */
        public int count() {
            return dims[0];
        }

        /** @return the number of bytes per item (product of all dimensions but the first) */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }
    }

    /**
     * Reads an unsigned-byte IDX file. Nothing is allocated on the header's word alone: the declared size is checked
     * for overflow and against the largest Java array, against the file's length when the file is not compressed,
     * and the data buffer grows only as the stream delivers bytes, so a small file that declares gigabytes fails
     * fast without taking memory.
     *
     * @param file the file, {@code .gz} for gzipped
     * @param expectedRank the number of dimensions required (1 for labels, 3 for images)
     * @return its dimensions and bytes
     * @throws DataFormatException when the magic number, rank or length is wrong; for a truncated file the message
     *         says how many bytes the header declared and how many were found
     * @throws IOException when the file cannot be read
     */
    public static Array read(Path file, int expectedRank) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                throw new DataFormatException(file, "file is empty or shorter than its 4-byte IDX header");
            }
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE) {
                throw new DataFormatException(file, String.format(
                        "wrong magic number 0x%08X; expected an unsigned-byte IDX file (0x0000080%d)", magic, expectedRank));
            }
            if (rank != expectedRank) {
                throw new DataFormatException(file, "IDX file has " + rank + " dimensions; expected " + expectedRank);
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
            }
            int size = dataSize(file, dims);
            long headerBytes = 4L + 4L * rank;
            if (!isGzipped(file) && Files.size(file) - headerBytes < size) {
                throw truncated(file, dims, size, Files.size(file) - headerBytes, "");
            }
            byte[] data = readData(in, file, dims, size);
            if (in.read() != -1) {
                throw new DataFormatException(file, "trailing bytes after the " + data.length + " bytes the header "
                        + Arrays.toString(dims) + " describes");
            }
            return new Array(dims, data);
        } catch (java.util.zip.ZipException e) {
            throw new DataFormatException(file, "not a valid gzip stream (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated inside the IDX header or gzip stream");
        }
    }

    /** The number of data bytes the dimensions declare, refused when negative or beyond a Java array. */
    private static int dataSize(Path file, int[] dims) throws DataFormatException {
        long total = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new DataFormatException(file, "negative dimension " + d + " in " + Arrays.toString(dims));
            }
            total = Math.multiplyExact(total, (long) d);   // cannot overflow: total <= MAX_BYTES before each step
            if (total > MAX_BYTES) {
                throw new DataFormatException(file, "dimensions " + Arrays.toString(dims) + " declare more than "
                        + MAX_BYTES + " bytes, the most an IDX file can hold here");
            }
        }
        return (int) total;
    }

    /**
     * Reads the data in a buffer that starts small and doubles as bytes arrive, so memory follows what the stream
     * delivers (at most about twice that), not what the header declares.
     */
    private static byte[] readData(InputStream in, Path file, int[] dims, int size) throws IOException {
        byte[] data = new byte[Math.min(size, FIRST_CHUNK)];
        int read = 0;
        try {
            while (read < size) {
                if (read == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
                }
                int n = in.read(data, read, data.length - read);
                if (n < 0) {
                    throw truncated(file, dims, size, read, "");
                }
                read += n;
            }
        } catch (EOFException e) {
            throw truncated(file, dims, size, read, " (the gzip stream is cut short)");
        }
        return data;
    }

    private static DataFormatException truncated(Path file, int[] dims, int declared, long found, String note) {
        return new DataFormatException(file, "truncated: header " + Arrays.toString(dims) + " declares " + declared
                + " bytes of data, found " + Math.max(0, found) + note);
    }

    /**
     * Writes an unsigned-byte IDX file atomically (temporary name, then rename).
     *
     * @param file target file, gzipped when its name ends in {@code .gz}
     * @param dims dimensions; their product must equal {@code data.length}
     * @param data row-major bytes
     * @throws IOException when writing fails
     */
    public static void write(Path file, int[] dims, byte[] data) throws IOException {
        long total = 1;
        for (int d : dims) {
            total = Math.multiplyExact(total, (long) d);
        }
        if (total != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " describe " + total
                    + " bytes but data has " + data.length);
        }
        AtomicFiles.write(file, raw -> {
            OutputStream out = isGzipped(file) ? new GZIPOutputStream(raw) : raw;
            java.io.DataOutputStream dout = new java.io.DataOutputStream(out);
            dout.writeInt((UNSIGNED_BYTE << 8) | dims.length);
            for (int d : dims) {
                dout.writeInt(d);
            }
            dout.write(data);
            dout.flush();
            if (out instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
    }

    private static boolean isGzipped(Path file) {
        return file.toString().endsWith(".gz");
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = DataFiles.open(file);
        return isGzipped(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
