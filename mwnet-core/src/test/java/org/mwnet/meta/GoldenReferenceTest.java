package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * mwnet's bilevel step in DOUBLE against an independent implementation: PyTorch's autograd (second order through
 * the look-ahead, {@code create_graph=True}) on the same classifiers, parameters and batches, stored as fixtures by
 * {@code src/test/python/make_golden.py}. Unlike a finite-difference check of the meta graph, this also fails when
 * the graph itself computes the wrong look-ahead, loss or weighting. Tolerances: {@link GoldenFixture}.
 */
class GoldenReferenceTest {
    private static final WeightNet VNET = new WeightNet(WeightNet.DEFAULT_HIDDEN);

    /**
     * The fixtures with make_golden.py's partial look-ahead (its PARTIAL), the choice that moves the same layers,
     * and the choices next to it (one layer fewer and one more), which a wrong split would amount to.
     */
    static Stream<Arguments> partialLookAheads() {
        return Stream.of(
                Arguments.of("mlp", "2", List.of("1", "3")),
                Arguments.of("lenet", "4", List.of("3", "5")),
                Arguments.of("resnet32", "last-stage", List.of("5", "7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "lenet", "resnet32"})
    void metaStepMatchesPyTorch(String model) {
        GoldenStep.load(model, model).assertMetaStepMatches(VNET);
    }

    /**
     * A partial look-ahead against PyTorch's: the same losses and weights, the moved parameters' w' (and no others
     * in the graph), the meta loss and its meta-gradient. The exact step's meta-gradient, and those of the choices
     * that move one layer fewer or one more, must not match: so moving the wrong layers, or differentiating the fixed
     * ones, fails this test.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("partialLookAheads")
    void partialLookAheadMatchesPyTorch(String model, String choice, List<String> neighbours) {
        GoldenStep step = GoldenStep.load(model, model);
        GoldenFixture f = step.fixture();
        MetaStepGraph graph = step.metaGraph(VNET, new LookAheadLayers(choice));

        MetaStepGraph.Result r = step.metaStep(graph, VNET);
        step.assertLossesAndWeights(r.losses(), r.coefficients());
        Map<String, INDArray> lookAhead = step.lookAhead(graph, VNET);
        List<String> moved = step.classifier().trainableNames().stream()
                .filter(n -> f.has("partial_lookahead/" + n)).toList();
        assertThat(lookAhead.keySet()).as("the parameters the look-ahead moves").containsExactlyInAnyOrderElementsOf(
                moved);
        for (String name : moved) {
            f.assertMatches("partial_lookahead", name, lookAhead.get(name));
        }
        f.assertMatches("partial_meta_loss", null, Nd4j.createFromArray(r.metaLoss()));
        for (String name : graph.weightingNames()) {
            f.assertMatches("partial_meta_grad", name, r.gradients().get(name));
        }

        List<String> wrong = new ArrayList<>(neighbours);
        wrong.add(LookAheadLayers.ALL.name());
        for (String other : wrong) {
            MetaStepGraph.Result o = step.metaStep(step.metaGraph(VNET, new LookAheadLayers(other)), VNET);
            assertThatThrownBy(() -> f.assertMatches("partial_meta_grad", "vnet.fc1.weight",
                    o.gradients().get("vnet.fc1.weight")))
                    .as("look-ahead layers %s instead of %s", other, choice).isInstanceOf(AssertionError.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "lenet", "resnet32"})
    void classifierUpdateGradientsMatchPyTorch(String model) {
        GoldenStep.load(model, model).assertUpdateMatches(VNET);
    }
}
