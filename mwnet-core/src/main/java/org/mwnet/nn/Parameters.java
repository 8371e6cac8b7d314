package org.mwnet.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mwnet.data.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The values of a set of parameters (and buffers), by name, in declaration order. Optimisers update the arrays
 * in place; graphs receive them as placeholders.
 */
public final class Parameters {
    private final Map<String, INDArray> values;
    private final Map<String, ParamSpec> specs;

    private Parameters(Map<String, INDArray> values, Map<String, ParamSpec> specs) {
        this.values = values;
        this.specs = specs;
    }

    /**
     * Draws initial values, each parameter from its own stream derived from the seed and its name.
     *
     * @param specs what to create
     * @param seed the seed
     * @param dataType FLOAT for training, DOUBLE for checks
     * @return the initialised parameters
     */
    public static Parameters init(List<ParamSpec> specs, long seed, DataType dataType) {
        Map<String, INDArray> values = new LinkedHashMap<>();
        Map<String, ParamSpec> bySpec = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            if (bySpec.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter name '" + s.name() + "' is used twice");
            }
            SplittableRandom rng = Seeds.stream(seed, "init/" + s.name());
            double[] v = new double[(int) s.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = s.init().draw(s.fanIn(), rng);
            }
            values.put(s.name(), Nd4j.createFromArray(v).castTo(dataType).reshape(s.shape()));
        }
        return new Parameters(values, bySpec);
    }

    /** @return names in declaration order */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** @return names of the trainable parameters, in declaration order */
    public List<String> trainableNames() {
        return specs.values().stream().filter(ParamSpec::trainable).map(ParamSpec::name).toList();
    }

    /** @param name a parameter name @return its array (live: changes are seen by the next step) */
    public INDArray get(String name) {
        INDArray a = values.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + values.keySet());
        }
        return a;
    }

    /** @return all arrays by name (live, unmodifiable map) */
    public Map<String, INDArray> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** @return the data type of the arrays */
    public DataType dataType() {
        return values.values().iterator().next().dataType();
    }

    /** @return a deep copy */
    public Parameters copy() {
        Map<String, INDArray> c = new LinkedHashMap<>();
        values.forEach((k, v) -> c.put(k, v.dup()));
        return new Parameters(c, specs);
    }

    /**
     * Overwrites values from saved arrays, checking that every parameter is there with its shape.
     *
     * @param saved arrays by parameter name
     * @param source where they came from, for messages
     */
    public void load(Map<String, INDArray> saved, String source) {
        for (var e : values.entrySet()) {
            INDArray v = saved.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException(source + " has no parameter '" + e.getKey() + "'");
            }
            if (!java.util.Arrays.equals(v.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException(source + ": parameter '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(v.shape()) + ", expected "
                        + java.util.Arrays.toString(e.getValue().shape()));
            }
            e.getValue().assign(v);
        }
    }

    /**
     * @param dataType target type
     * @return a copy in that type
     */
    public Parameters castTo(DataType dataType) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        values.forEach((k, v) -> c.put(k, v.castTo(dataType).dup()));
        return new Parameters(c, specs);
    }
}
