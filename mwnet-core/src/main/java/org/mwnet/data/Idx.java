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

/**
 * Reader and writer of unsigned-byte IDX files (the MNIST family's format), gzipped or plain.
 * A file is gzipped when its name ends in {@code .gz}.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

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
     * Reads an unsigned-byte IDX file.
     *
     * @param file the file, {@code .gz} for gzipped
     * @param expectedRank the number of dimensions required (1 for labels, 3 for images)
     * @return its dimensions and bytes
     * @throws DataFormatException when the magic number, rank or length is wrong
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
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new DataFormatException(file, "negative dimension " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new DataFormatException(file, "dimensions " + Arrays.toString(dims) + " are too large");
            }
            byte[] data = new byte[(int) total];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DataFormatException(file, "truncated: header " + Arrays.toString(dims) + " promises "
                        + data.length + " bytes of data, found " + read);
            }
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
            total *= d;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " describe " + total
                    + " bytes but data has " + data.length);
        }
        AtomicFiles.write(file, raw -> {
            OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
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

    private static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
