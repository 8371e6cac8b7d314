package org.mwnet.data;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * Feeds float values into a checksum as their big-endian IEEE 754 bits, so two arrays get the same checksum exactly
 * when they hold the same floats.
 */
public final class FloatChecksums {
    /** Values copied per checksum update. */
    private static final int CHUNK = 1 << 14;

    private FloatChecksums() {
    }

    /**
     * @param checksum updated in place
     * @param values the values
     * @param from the first value fed
     * @param count how many values are fed
     */
    public static void update(Checksum checksum, float[] values, int from, int count) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.min(CHUNK, count) * Float.BYTES);
        for (int i = from; i < from + count; i += CHUNK) {
            int n = Math.min(CHUNK, from + count - i);
            bytes.clear().asFloatBuffer().put(values, i, n);
            checksum.update(bytes.limit(n * Float.BYTES));
        }
    }

    /**
     * @param values the values
     * @param from the first value fed
     * @param count how many values are fed
     * @return the CRC32 of their bits
     */
    public static long crc32(float[] values, int from, int count) {
        CRC32 crc = new CRC32();
        update(crc, values, from, count);
        return crc.getValue();
    }
}
