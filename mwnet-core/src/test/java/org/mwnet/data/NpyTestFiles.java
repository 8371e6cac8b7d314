package org.mwnet.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes NumPy {@code .npy} files and {@code .npz} archives byte by byte, as NumPy does, for the tests of every module. */
public final class NpyTestFiles {
    private NpyTestFiles() {
    }

    /**
     * Writes a version 1.0 .npy file: the magic, the header dictionary padded to 64 bytes, the raw values.
     *
     * @param file target
     * @param descr NumPy's type string, e.g. {@code |u1}, {@code <f4}
     * @param shape the array's shape
     * @param values its raw little-endian values
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path npy(Path file, String descr, long[] shape, ByteBuffer values) throws IOException {
        return Files.write(file, bytes(descr, shape, values));
    }

    /**
     * Writes a .npz archive of .npy entries, as {@code numpy.savez} (stored) or {@code numpy.savez_compressed}
     * (deflated) do.
     *
     * @param file target
     * @param arrays each array's name and .npy bytes ({@link #bytes})
     * @param compressed deflate the entries
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path npz(Path file, Map<String, byte[]> arrays, boolean compressed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> a : arrays.entrySet()) {
                ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(a.getValue());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(a.getValue().length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(a.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * @param descr NumPy's type string
     * @param shape the array's shape
     * @param values its raw little-endian values
     * @return the bytes of a version 1.0 .npy file
     */
    public static byte[] bytes(String descr, long[] shape, ByteBuffer values) {
        return bytes(descr, false, shape, values);
    }

    /**
     * @param descr NumPy's type string
     * @param fortranOrder whether the values are in Fortran (column-major) order
     * @param shape the array's shape
     * @param values its raw values, in that order
     * @return the bytes of a version 1.0 .npy file
     */
    public static byte[] bytes(String descr, boolean fortranOrder, long[] shape, ByteBuffer values) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
                + (shape.length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': "
                + (fortranOrder ? "True" : "False") + ", 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(10 + h.length + values.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) h.length).put(h).put(values.rewind());
        return out.array();
    }

    /** @param v values @return them as little-endian float32 */
    public static ByteBuffer floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b;
    }

    /** @param v values @return them as little-endian int64 */
    public static ByteBuffer longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(v);
        return b;
    }
}
