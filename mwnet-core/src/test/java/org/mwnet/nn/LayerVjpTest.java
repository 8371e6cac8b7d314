package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer's explicit VJP equals SameDiff's own autodiff of the same forward pass, in DOUBLE: the differentiable
 * VJP of the meta step and the plain one of the classifier update (fused gradient ops).
 */
class LayerVjpTest {
    private static final DataType D = DataType.DOUBLE;

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("dense", new Dense("fc", 7, 5, Init.UNIFORM_FAN_IN), new long[] {4, 7}, Mode.TRAIN),
                Arguments.of("relu", new Relu(), new long[] {3, 2, 5, 5}, Mode.TRAIN),
                Arguments.of("flatten", new Flatten(), new long[] {3, 2, 4, 4}, Mode.TRAIN),
                Arguments.of("conv k3 s1 p1", new Conv2d("c", 3, 4, 3, 1, 1, true, Init.UNIFORM_FAN_IN),
                        new long[] {2, 3, 8, 8}, Mode.TRAIN),
                Arguments.of("conv k3 s2 p1 even", new Conv2d("c", 3, 4, 3, 2, 1, false, Init.KAIMING_NORMAL),
                        new long[] {2, 3, 8, 8}, Mode.TRAIN),
                Arguments.of("conv k3 s2 p0 odd", new Conv2d("c", 2, 3, 3, 2, 0, true, Init.UNIFORM_FAN_IN),
                        new long[] {2, 2, 9, 7}, Mode.TRAIN),
                Arguments.of("conv k5 s1 p0", new Conv2d("c", 1, 3, 5, 1, 0, true, Init.UNIFORM_FAN_IN),
                        new long[] {3, 1, 12, 12}, Mode.TRAIN),
                Arguments.of("conv k3 s1 p2", new Conv2d("c", 2, 2, 3, 1, 2, true, Init.UNIFORM_FAN_IN),
                        new long[] {2, 2, 5, 6}, Mode.TRAIN),
                Arguments.of("avgpool", new AvgPool2(), new long[] {2, 3, 8, 6}, Mode.TRAIN),
                Arguments.of("global avgpool", new GlobalAvgPool(), new long[] {3, 4, 5, 5}, Mode.TRAIN),
                Arguments.of("batchnorm train", new BatchNorm("bn", 3), new long[] {4, 3, 5, 5}, Mode.TRAIN),
                Arguments.of("batchnorm eval", new BatchNorm("bn", 3), new long[] {4, 3, 5, 5}, Mode.EVAL),
                Arguments.of("option-A shortcut", new SubsampleShortcut(2, 4), new long[] {2, 2, 8, 8}, Mode.TRAIN),
                Arguments.of("residual block", new Residual(new Sequential(List.of(
                        new Conv2d("a", 2, 4, 3, 2, 1, false, Init.KAIMING_NORMAL), new BatchNorm("bn", 4), new Relu(),
                        new Conv2d("b", 4, 4, 3, 1, 1, false, Init.KAIMING_NORMAL))), new SubsampleShortcut(2, 4)),
                        new long[] {3, 2, 8, 8}, Mode.TRAIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void explicitVjpMatchesAutodiff(String label, Layer layer, long[] inputShape, Mode mode) {
        check(label, layer, inputShape, mode, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void plainVjpMatchesAutodiff(String label, Layer layer, long[] inputShape, Mode mode) {
        check(label, layer, inputShape, mode, false);
    }

    private static void check(String label, Layer layer, long[] inputShape, Mode mode, boolean differentiable) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new HashMap<>();
        long seed = 11;
        for (ParamSpec p : layer.params()) {
            INDArray value = p.name().endsWith("running_var") ? Checks.randn(seed++, p.shape()).mul(0.3).addi(1.0)
                    : Checks.randn(seed++, p.shape());
            vars.put(p.name(), sd.var(p.name(), value));
        }
        SDVariable x = sd.var("x", Checks.randn(seed++, inputShape));
        Scope scope = new Scope(sd, vars::get, mode, D,
                differentiable ? Scope.Differentiated.ALL : Scope.Differentiated.NONE);
        Trace t = layer.forward(scope, x, inputShape);
        long[] outShape = t.output().eval().shape();
        SDVariable g = sd.constant(Checks.randn(seed, outShape));
        SDVariable objective = t.output().mul(g).sum();
        sd.setLossVariables(objective);

        Map<String, SDVariable> explicit = new HashMap<>();
        SDVariable dx = t.backward(g, explicit, true);
        List<String> wanted = new ArrayList<>(explicit.keySet());
        wanted.add("x");
        Map<String, INDArray> auto = sd.calculateGradients(new HashMap<>(), wanted);
        List<String> outNames = new ArrayList<>();
        explicit.values().forEach(v -> outNames.add(v.name()));
        outNames.add(dx.name());
        Map<String, INDArray> mine = sd.output(new HashMap<>(), outNames);

        assertThat(Checks.relativeError(auto.get("x"), mine.get(dx.name()))).as("%s input gradient", label)
                .isLessThan(1e-6);
        for (var e : explicit.entrySet()) {
            assertThat(Checks.relativeError(auto.get(e.getKey()), mine.get(e.getValue().name())))
                    .as("%s gradient of %s", label, e.getKey()).isLessThan(1e-6);
        }
        long trainable = layer.params().stream().filter(ParamSpec::trainable).count();
        assertThat(explicit).as("every trainable parameter has a gradient").hasSize((int) trainable);
    }
}
