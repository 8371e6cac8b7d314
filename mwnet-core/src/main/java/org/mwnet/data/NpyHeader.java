package org.mwnet.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@code .npy} array's header says about its layout, checked before ND4J parses the array: ND4J's native
 * parser aborts the JVM on big-endian, object and string values and on data shorter than the header declares, and
 * reads every array in C order, so a Fortran-order array comes back scrambled unless {@link #inStoredOrder} puts it
 * right.
 *
 * @param descr NumPy's type string, e.g. {@code |u1} or {@code <f4}
 * @param fortranOrder whether the values are stored in Fortran (column-major) order
 * @param valuesStart the bytes of the magic, version and header: where the values start
 * @param valueBytes the bytes of values the shape and type declare
 */
record NpyHeader(String descr, boolean fortranOrder, long valuesStart, double valueBytes) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([\\d\\s,L]*)\\)");
    /** Booleans, integers and floats of the sizes ND4J reads, little-endian or byte-sized. */
    private static final Pattern NUMERIC = Pattern.compile("[<|]?(b1|[iu][1248]|f[248])");
    /** NumPy's own limit on a header's length. */
    private static final int MAX_HEADER = 1 << 16;

    /**
     * @param in the array's bytes, from the start (only the header is read)
     * @param file the file, for messages
     * @param what "" for a {@code .npy} file, "array x " for an archive's array, for messages
     * @return the header
     * @throws DataFormatException when there is no NumPy header, or the values are big-endian or not numbers
     * @throws IOException when reading fails
     */
    static NpyHeader read(InputStream in, Path file, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw notNpy(file, what, "no NumPy header");
            }
            int major = data.readUnsignedByte();
            data.readUnsignedByte();
            long length = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(data.readShort()))
                    : Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
            if (length > MAX_HEADER) {
                throw notNpy(file, what, "a header of " + length + " bytes");
            }
            byte[] header = new byte[(int) length];
            data.readFully(header);
            String text = new String(header, StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(text);
            Matcher fortran = FORTRAN.matcher(text);
            Matcher shape = SHAPE.matcher(text);
            if (!descr.find() || !fortran.find() || !shape.find()) {
                throw notNpy(file, what, "a header without descr, fortran_order and shape");
            }
            if (descr.group(1).startsWith(">")) {
                throw new DataFormatException(file, what + "holds big-endian values (" + descr.group(1)
                        + "); expected little-endian ones, as NumPy writes by default");
            }
            Matcher numeric = NUMERIC.matcher(descr.group(1));
            if (!numeric.matches()) {
                throw new DataFormatException(file, what + "holds values of NumPy type '" + descr.group(1)
                        + "'; expected numbers (bool, int, uint or float), e.g. uint8 or float32");
            }
            // in double: a product past the array size limit is as short of data as any other, not an overflow
            double values = Integer.parseInt(numeric.group(1).substring(1));
            for (String side : shape.group(1).split(",")) {
                values *= side.isBlank() ? 1 : Double.parseDouble(side.strip().replace("L", ""));
            }
            return new NpyHeader(descr.group(1), fortran.group(1).equals("True"), (major == 1 ? 10 : 12) + length,
                    values);
        } catch (EOFException e) {
            throw notNpy(file, what, "its header is cut off");
        }
    }

    /**
     * @param file the file, for messages
     * @param what "" for a {@code .npy} file, "array x " for an archive's array, for messages
     * @param available the bytes of the whole array (file or archive entry)
     * @throws DataFormatException when they are fewer than the header declares
     */
    void requireValues(Path file, String what, long available) throws DataFormatException {
        if (available - valuesStart < valueBytes) {
            throw new DataFormatException(file, what + "is truncated: its header declares " + String.format(
                    java.util.Locale.ROOT, "%.0f", valueBytes) + " bytes of values but " + (available - valuesStart)
                    + " follow");
        }
    }

    private static DataFormatException notNpy(Path file, String what, String why) {
        return new DataFormatException(file, what + "is not a .npy array ND4J can read (" + why + ")");
    }

    /**
     * @param loaded the array as ND4J read it (C order)
     * @return the array as stored: the same one for C order, the values laid out anew in Fortran order otherwise
     */
    INDArray inStoredOrder(INDArray loaded) {
        return fortranOrder && loaded.rank() > 1 ? loaded.reshape(loaded.length()).reshape('f', loaded.shape())
                : loaded;
    }
}
