package org.mwnet.nn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named arrays (parameters, gradients, BatchNorm statistics) as one flat buffer, the form in which they travel between
 * processes: the names in sorted order, their shapes, and all values one after another, as floats for FLOAT arrays
 * and as doubles otherwise, so a round trip keeps every bit. Holds its buffers without copying them (not a value).
 *
 * @param names the arrays' names, sorted
 * @param shapes each array's shape
 * @param floats the values of FLOAT arrays, or null
 * @param doubles the values of other arrays, or null
 */
public record FlatArrays(String[] names, long[][] shapes, float[] floats, double[] doubles) implements Serializable {
    /**
     * @param arrays named arrays, all of one floating type
     * @return them flattened
     */
    public static FlatArrays of(Map<String, INDArray> arrays) {
        Map<String, INDArray> sorted = new TreeMap<>(arrays);
        String[] names = sorted.keySet().toArray(String[]::new);
        long[][] shapes = sorted.values().stream().map(INDArray::shape).toArray(long[][]::new);
        boolean isFloat = sorted.isEmpty() || sorted.values().iterator().next().dataType() == DataType.FLOAT;
        long total = sorted.values().stream().mapToLong(INDArray::length).sum();
        float[] floats = isFloat ? new float[Math.toIntExact(total)] : null;
        double[] doubles = isFloat ? null : new double[Math.toIntExact(total)];
        int at = 0;
        for (INDArray a : sorted.values()) {
            if (isFloat) {
                float[] v = a.dup('c').data().asFloat();
                System.arraycopy(v, 0, floats, at, v.length);
                at += v.length;
            } else {
                double[] v = a.dup('c').data().asDouble();
                System.arraycopy(v, 0, doubles, at, v.length);
                at += v.length;
            }
        }
        return new FlatArrays(names, shapes, floats, doubles);
    }

    /** @return new arrays by name, in sorted name order */
    public Map<String, INDArray> toMap() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        int at = 0;
        for (int k = 0; k < names.length; k++) {
            int n = Math.toIntExact(Arrays.stream(shapes[k]).reduce(1, Math::multiplyExact));
            INDArray a = floats != null ? Nd4j.createFromArray(Arrays.copyOfRange(floats, at, at + n))
                    : Nd4j.createFromArray(Arrays.copyOfRange(doubles, at, at + n));
            m.put(names[k], a.reshape(shapes[k]));
            at += n;
        }
        return m;
    }

    /**
     * Overwrites parameters with these values, checking names and shapes.
     *
     * @param target parameters with every name held here
     * @param source where the values came from, for messages
     */
    public void into(Parameters target, String source) {
        target.load(toMap(), source);
    }
}
