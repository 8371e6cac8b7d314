package org.mwnet.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a NumPy {@code .npy} array's header (format versions 1 to 3) before ND4J parses the bytes. ND4J's native
 * parser silently misreads Fortran-ordered arrays, and stops the whole JVM on big-endian, object or string arrays
 * and on data shorter than the header declares; those are found here instead, as one line.
 */
final class NpyHeader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Booleans, integers and floats of the sizes ND4J reads, little-endian or byte-sized. */
    private static final Pattern NUMERIC = Pattern.compile("[<|]?(b1|[iu][1248]|f[248])");

    private NpyHeader() {
    }

    /**
     * @param bytes a whole {@code .npy} file
     * @return null when ND4J can read it, else what is wrong with it and what was expected
     */
    static String problem(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !ByteBuffer.wrap(bytes, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            return "is not a .npy array ND4J can read (it does not start with \\x93NUMPY); expected a file "
                    + "numpy.save wrote";
        }
        int version = bytes[6];
        if (version < 1 || version > 3) {
            return "is a .npy array of format version " + version + "; expected version 1, 2 or 3";
        }
        int start = version == 1 ? 10 : 12;
        if (bytes.length < start) {
            return "is truncated inside its .npy header";
        }
        long length = version == 1 ? Short.toUnsignedInt(b.getShort(8)) : Integer.toUnsignedLong(b.getInt(8));
        if (bytes.length < start + length) {
            return "is truncated inside its .npy header";
        }
        String header = new String(bytes, start, (int) length, StandardCharsets.UTF_8);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find()) {
            return "holds a structured array (" + header.strip() + "); expected a plain numeric array";
        }
        if (!fortran.find() || !shape.find()) {
            return "has a .npy header without fortran_order or shape (" + header.strip() + ")";
        }
        String type = descr.group(1);
        Matcher numeric = NUMERIC.matcher(type);
        if (!numeric.matches()) {
            return "holds values of numpy type '" + type + "'; expected little-endian numbers (bool, int, uint or "
                    + "float), e.g. uint8 or float32";
        }
        if (fortran.group(1).equals("True")) {
            return "is stored in Fortran order; expected C order (save np.ascontiguousarray(a))";
        }
        // in double: a product past the array size limit is as short of data as any other, not an overflow
        double count = 1;
        for (String side : shape.group(1).split(",")) {
            if (!side.isBlank() && !side.strip().matches("\\d{1,12}L?")) {
                return "has a .npy header whose shape (" + shape.group(1).strip() + ") is not a tuple of sizes";
            }
            count *= side.isBlank() ? 1 : Long.parseLong(side.strip().replace("L", ""));
        }
        double needed = count * Integer.parseInt(numeric.group(1).substring(1));
        long present = bytes.length - start - length;
        if (present < needed) {
            return "is truncated: its header declares shape (" + shape.group(1).strip() + ") of '" + type + "' ("
                    + String.format(java.util.Locale.ROOT, "%.0f", needed) + " bytes) but " + present + " bytes follow";
        }
        return null;
    }
}
