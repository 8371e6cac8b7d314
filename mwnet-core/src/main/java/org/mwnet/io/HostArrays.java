package org.mwnet.io;

import java.util.Arrays;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one way mwnet writes values computed on the Java heap (image batches, one-hot labels, Adam's updated
 * parameters) into an existing ND4J array. Correct on both backends; an architecture test fails when code outside
 * this class writes into an array's host memory directly.
 *
 * <p>Why it exists. On nd4j-native the host buffer is the only copy, so writing it directly looks right and passes
 * every CPU test. On nd4j-cuda an array has a host and a device copy, and ND4J's allocator tracks which one is
 * newer. A write through the NIO view of the host buffer is not tracked: {@code asNioFloat()} brings the host copy
 * up to date (allocating it first, since nd4j-cuda allocates host memory lazily) and leaves it marked as read, not
 * written. The next kernel then runs on the stale device copy, that is on the previous batch or the old parameters,
 * and nothing fails.
 *
 * <p>How it writes. When the destination owns its whole buffer in row-major order with its own strides and has the values' type (the
 * training batches, in FLOAT), the values are put into the host buffer and the array is then tagged with
 * {@link AffinityManager#tagLocation(INDArray, AffinityManager.Location) tagLocation(array, HOST)}: on CUDA this
 * records a host write, so the allocator copies the host data to the device before the next op reads it; on CPU
 * it does nothing. Any other destination (a view, another type, column-major) gets the values through
 * {@link Nd4j#createFromArray(float[])} and {@link INDArray#assign(INDArray)}: the new array is filled through
 * the allocator, and assign is an op that runs where the data lives and handles strides and type conversion.
 *
 * <p>Why two paths. The assign path is correct by construction on both backends but creates an off-heap array
 * per call: for a batch of 100 28x28 images (78,400 floats) about 0.7 to 2 ms on one CPU core, measured, against
 * 20 to 70 us for the put into the host buffer; a meta step copies two batches. The put's correctness on CUDA
 * rests on the tag, which CPU cannot observe, so the affinity manager is a parameter of the package-private
 * overloads and the tests pass one that records the tag.
 */
public final class HostArrays {
    private HostArrays() {
    }

    /**
     * Overwrites every element of {@code dest}, in row-major order.
     *
     * @param dest the array written (any floating type, any strides)
     * @param values exactly {@code dest.length()} values
     * @throws IllegalArgumentException when the count differs from the array's length
     */
    public static void write(INDArray dest, float[] values) {
        write(dest, values, values.length);
    }

    /**
     * Overwrites every element of {@code dest} with a prefix of a (reused, larger) buffer, in row-major order.
     *
     * @param dest the array written (any floating type, any strides)
     * @param values a buffer of at least {@code count} values
     * @param count how many values to write; must equal {@code dest.length()}
     * @throws IllegalArgumentException when the count differs from the array's length or exceeds the buffer
     */
    public static void write(INDArray dest, float[] values, int count) {
        write(dest, values, count, Nd4j.getAffinityManager());
    }

    /**
     * Overwrites every element of {@code dest}, in row-major order.
     *
     * @param dest the array written (any floating type, any strides)
     * @param values exactly {@code dest.length()} values
     * @throws IllegalArgumentException when the count differs from the array's length
     */
    public static void write(INDArray dest, double[] values) {
        write(dest, values, Nd4j.getAffinityManager());
    }

    /** {@link #write(INDArray, float[], int)} with the affinity manager that receives the tag (tests record it). */
    static void write(INDArray dest, float[] values, int count, AffinityManager affinity) {
        checkLength(dest, count, values.length);
        if (ownsWholeBuffer(dest, DataType.FLOAT)) {
            dest.data().asNioFloat().put(values, 0, count);
            affinity.tagLocation(dest, AffinityManager.Location.HOST);
        } else {
            assign(dest, Nd4j.createFromArray(values.length == count ? values : Arrays.copyOf(values, count)));
        }
    }

    /** {@link #write(INDArray, double[])} with the affinity manager that receives the tag (tests record it). */
    static void write(INDArray dest, double[] values, AffinityManager affinity) {
        checkLength(dest, values.length, values.length);
        if (ownsWholeBuffer(dest, DataType.DOUBLE)) {
            dest.data().asNioDouble().put(values);
            affinity.tagLocation(dest, AffinityManager.Location.HOST);
        } else {
            assign(dest, Nd4j.createFromArray(values));
        }
    }

    /** Whether the array's elements, in row-major order, are exactly its buffer's, of the given type. */
    private static boolean ownsWholeBuffer(INDArray a, DataType type) {
        // a permuted array is neither a view nor 'f'-ordered: only its strides tell
        return a.dataType() == type && a.ordering() == 'c' && !a.isView() && a.offset() == 0
                && a.data().length() == a.length() && Arrays.equals(a.stride(), ArrayUtil.calcStrides(a.shape()));
    }

    private static void checkLength(INDArray dest, int count, int available) {
        if (dest.length() != count || count > available) {
            throw new IllegalArgumentException("an array of shape " + Arrays.toString(dest.shape()) + " needs "
                    + dest.length() + " values, got " + Math.min(count, available));
        }
    }

    private static void assign(INDArray dest, INDArray flat) {
        dest.assign(flat.castTo(dest.dataType()).reshape(dest.shape()));
    }
}
