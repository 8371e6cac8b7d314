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
 * right. Messages name types as NumPy does (int16, float32, ...).
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
    /** A type string's byte order as NumPy writes it: '<' little-endian, '>' big-endian, '|' not applicable. */
    private static final Pattern BYTE_ORDER = Pattern.compile("^[<>|]");
    /** A type string's kind and size in bytes, e.g. i and 2 for int16. */
    private static final Pattern KIND_SIZE = Pattern.compile("([biufc])(\\d+)");
    /** NumPy's own limit on a header's length. */
    private static final int MAX_HEADER = 1 << 16;

    /** What an array holds, and so the NumPy types it may have (each one ND4J reads). */
    enum Use {
        /** Samples: uint8 (divided by 255), or floats taken as they are. */
        SAMPLES("u1|f4|f8", "uint8, float32 or float64"),
        /** Labels: integers, or floats that hold whole numbers. */
        LABELS("[iu][1248]|f[248]", "integers (int8 to int64 or uint8 to uint64), or floats (float16 to float64) "
                + "holding whole numbers");

        /** The type strings accepted, without their byte order. */
        private final Pattern types;
        /** The types accepted, in NumPy's names, for messages. */
        private final String expected;

        Use(String types, String expected) {
            this.types = Pattern.compile(types);
            this.expected = expected;
        }
    }

    /**
     * @param in the array's bytes, from the start (only the header is read)
     * @param file the file, for messages
     * @param what "" for a {@code .npy} file, "array x " for an archive's array, for messages
     * @param use what the array holds, which decides the types accepted
     * @return the header
     * @throws DataFormatException when there is no NumPy header, or the values are of a type not accepted or
     *     big-endian
     * @throws IOException when reading fails
     */
    static NpyHeader read(InputStream in, Path file, String what, Use use) throws IOException {
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
            String type = BYTE_ORDER.matcher(descr.group(1)).replaceFirst("");
            if (!use.types.matcher(type).matches()) {
                throw new DataFormatException(file, what + "holds " + numpyName(type) + " values; expected "
                        + use.expected);
            }
            if (descr.group(1).startsWith(">")) {
                throw new DataFormatException(file, what + "holds big-endian " + numpyName(type) + " values ("
                        + descr.group(1) + "); expected little-endian ones, as NumPy writes by default");
            }
            // in double: a product past the array size limit is as short of data as any other, not an overflow
            double values = Integer.parseInt(type.substring(1));
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

    /**
     * @param type a type string without its byte order, e.g. i2
     * @return NumPy's name of the type, e.g. int16, or the type string quoted when it is none NumPy names so
     */
    private static String numpyName(String type) {
        Matcher kindSize = KIND_SIZE.matcher(type);
        if (kindSize.matches()) {
            int bits = 8 * Integer.parseInt(kindSize.group(2));
            return switch (kindSize.group(1)) {
                case "b" -> "bool";
                case "i" -> "int" + bits;
                case "u" -> "uint" + bits;
                case "f" -> "float" + bits;
                default -> "complex" + bits;
            };
        }
        return switch (type.isEmpty() ? ' ' : type.charAt(0)) {
            case 'O' -> "object";
            case 'U' -> "str";
            case 'S' -> "bytes";
            case 'M' -> "datetime64";
            case 'm' -> "timedelta64";
            case 'V' -> "void";
            default -> "'" + type + "'";
        };
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
