package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer's forward pass, explicit VJP and SameDiff's gradient of that VJP agree in FLOAT and in DOUBLE.
 * The gradient checks run in DOUBLE, where nd4j uses its own loops; training runs in FLOAT, where the oneDNN build
 * routes convolutions, transposed convolutions and pooling through oneDNN. This catches a oneDNN path that fails or
 * computes something else (as oneDNN's dilated convolution does in nd4j 1.0.0-M2.1). Float agrees with double to
 * about 1e-7 relative per operation; 1e-4 leaves room for the sums of a few hundred terms.
 */
class FloatPathTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.mwnet.nn.LayerVjpTest#layers")
    void floatMatchesDouble(String label, Layer layer, long[] inputShape, Mode mode) {
        Map<String, INDArray> inDouble = run(layer, inputShape, mode, DataType.DOUBLE);
        Map<String, INDArray> inFloat = run(layer, inputShape, mode, DataType.FLOAT);
        assertThat(inFloat.keySet()).isEqualTo(inDouble.keySet());
        for (String name : inDouble.keySet()) {
            assertThat(Checks.relativeError(inDouble.get(name), inFloat.get(name).castTo(DataType.DOUBLE)))
                    .as("%s: %s in float vs double", label, name).isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.mwnet.nn.LayerVjpTest#layers")
    void plainBackwardInFloatMatchesDouble(String label, Layer layer, long[] inputShape, Mode mode) {
        Map<String, INDArray> inDouble = runPlain(layer, inputShape, mode, DataType.DOUBLE);
        Map<String, INDArray> inFloat = runPlain(layer, inputShape, mode, DataType.FLOAT);
        for (String name : inDouble.keySet()) {
            assertThat(Checks.relativeError(inDouble.get(name), inFloat.get(name).castTo(DataType.DOUBLE)))
                    .as("%s: %s in float vs double", label, name).isLessThan(TOLERANCE);
        }
    }

    /** The layer's output and its plain (fused) VJP, as the classifier update computes them. */
    private static Map<String, INDArray> runPlain(Layer layer, long[] inputShape, Mode mode, DataType type) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> params = constants(sd, layer, type);
        SDVariable x = sd.constant("x", Checks.randn(100, inputShape).castTo(type));
        Trace t = layer.forward(new Scope(sd, params::get, mode, type, Scope.Differentiated.NONE), x, inputShape);
        SDVariable dy = sd.constant("dy", Checks.randn(101, t.output().eval().shape()).castTo(type));
        Map<String, SDVariable> grads = new HashMap<>();
        SDVariable dx = t.backward(dy, grads, true);
        List<String> names = new ArrayList<>(List.of(t.output().name(), dx.name()));
        grads.values().forEach(g -> names.add(g.name()));
        Map<String, INDArray> doubles = new HashMap<>();
        sd.output(new HashMap<>(), names).forEach((k, v) -> doubles.put(k, v.castTo(DataType.DOUBLE)));
        return doubles;
    }

    private static Map<String, SDVariable> constants(SameDiff sd, Layer layer, DataType type) {
        Map<String, SDVariable> params = new HashMap<>();
        long seed = 11;
        for (ParamSpec p : layer.params()) {
            INDArray value = p.name().endsWith("running_var") ? Checks.randn(seed++, p.shape()).mul(0.3).addi(1.0)
                    : Checks.randn(seed++, p.shape());
            params.put(p.name(), sd.constant(p.name(), value.castTo(type)));
        }
        return params;
    }

    /**
     * The layer's output, its explicit VJP (input and parameter gradients) for a fixed output gradient, and the
     * gradient of {@code sum(VJP * r)} with respect to the output gradient and the input (SameDiff's first-order
     * autodiff through the VJP, as the meta step uses it).
     */
    private static Map<String, INDArray> run(Layer layer, long[] inputShape, Mode mode, DataType type) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> params = constants(sd, layer, type);
        long seed = 11 + layer.params().size();
        SDVariable x = sd.var("x", Checks.randn(seed++, inputShape).castTo(type));
        Trace t = layer.forward(new Scope(sd, params::get, mode, type), x, inputShape);
        long[] outShape = t.output().eval().shape();
        SDVariable dy = sd.var("dy", Checks.randn(seed++, outShape).castTo(type));
        Map<String, SDVariable> grads = new HashMap<>();
        SDVariable dx = t.backward(dy, grads, true);
        SDVariable objective = dx.mul(sd.constant(Checks.randn(seed++, inputShape).castTo(type))).sum();
        for (var g : grads.values()) {
            objective = objective.add(g.mul(sd.constant(Checks.randn(seed++, g.eval().shape()).castTo(type))).sum());
        }
        sd.setLossVariables(objective);
        List<String> names = new ArrayList<>(List.of(t.output().name(), dx.name()));
        grads.values().forEach(g -> names.add(g.name()));
        Map<String, INDArray> values = new HashMap<>(sd.output(new HashMap<>(), names));
        sd.calculateGradients(new HashMap<>(), "x", "dy").forEach((k, v) -> values.put("d/d" + k, v));
        Map<String, INDArray> doubles = new HashMap<>();
        values.forEach((k, v) -> doubles.put(k, v.castTo(DataType.DOUBLE)));
        return doubles;
    }
}
