package org.mwnet.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mean of P named-array maps of the same names and shapes (the P micro-batches' gradients of one parameter set, or
 * their BatchNorm batch statistics), summed in the order they are added and divided by P once. A driver that adds the
 * results of P workers in micro-batch order therefore gets the same bits as the single process that computed them
 * one after another. Each added map is copied or summed at once, so a graph may overwrite its outputs in its next run.
 * With P = 1 the mean is the added map itself, untouched: an iteration of one micro-batch updates exactly as one
 * without micro-batches.
 */
public final class GradientAverage {
    private final int parts;
    private Map<String, INDArray> sum;
    private int added;
    private boolean divided;

    /** @param parts how many maps will be added, P, at least 1 */
    public GradientAverage(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("an average needs at least 1 part, got " + parts);
        }
        this.parts = parts;
    }

    /**
     * @param values one part's arrays by name: the same names and shapes as the parts before
     * @return this
     */
    public GradientAverage add(Map<String, INDArray> values) {
        if (added == parts) {
            throw new IllegalStateException("all " + parts + " parts were added already");
        }
        if (added == 0) {
            sum = parts == 1 ? values : copy(values);
        } else {
            if (!values.keySet().equals(sum.keySet())) {
                throw new IllegalArgumentException("part " + added + " has arrays " + values.keySet()
                        + ", the first had " + sum.keySet());
            }
            values.forEach((name, v) -> sum.get(name).addi(v));
        }
        added++;
        return this;
    }

    /** @return the mean of the P parts, by name */
    public Map<String, INDArray> mean() {
        if (added != parts) {
            throw new IllegalStateException(added + " of " + parts + " parts were added");
        }
        if (parts > 1 && !divided) {
            sum.values().forEach(v -> v.divi(parts));
            divided = true;
        }
        return sum;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> values) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        values.forEach((name, v) -> c.put(name, v.dup()));
        return c;
    }
}
