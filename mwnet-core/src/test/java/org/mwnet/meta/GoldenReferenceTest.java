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
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * mwnet's bilevel step in DOUBLE against an independent implementation: PyTorch's autograd (second order through
 * the look-ahead, {@code create_graph=True}) on the same classifiers, parameters and batches, stored as fixtures by
 * {@code src/test/python/make_golden.py}. Unlike a finite-difference check of the meta graph, this also fails when
 * the graph itself computes the wrong look-ahead, loss or weighting. Tolerances: {@link GoldenFixture}.
 */
class GoldenReferenceTest {
    private static final DataType D = DataType.DOUBLE;
    private static final WeightNet VNET = new WeightNet(WeightNet.DEFAULT_HIDDEN);

    /** The fixtures: each model's architecture and batch sizes as make_golden.py builds them. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("mlp", Models.mlp(new long[] {1, 28, 28}, List.of(16, 16), 10), 8, 4),
                Arguments.of("lenet", Models.lenet(new long[] {1, 28, 28}, 10), 4, 4),
                Arguments.of("resnet32", Models.resnet32(new long[] {3, 32, 32}, 10, 16), 2, 2));
    }

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

    private static Network network(String model) {
        return models().filter(a -> a.get()[0].equals(model)).map(a -> (Network) a.get()[1]).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void metaStepMatchesPyTorch(String model, Network net, int batch, int metaBatch) {
        GoldenFixture f = GoldenFixture.load(model);
        Parameters w = f.classifier(net);
        Parameters theta = f.theta(VNET);
        double lr = f.scalar("lr");
        MetaStepGraph graph = new MetaStepGraph(net, Weightings.learned(VNET, false), batch, metaBatch, D);
        INDArray x = f.get("images");
        INDArray y = f.get("labels");
        INDArray xm = f.get("meta_images");
        INDArray ym = f.get("meta_labels");

        MetaStepGraph.Result r = graph.step(w, theta, x, y, xm, ym, lr);
        assertLossesAndWeights(f, r.losses(), r.coefficients(), batch);
        // in the order they are computed, so that a failure names the first quantity that is wrong
        Map<String, INDArray> lookAhead = graph.lookAhead(w, theta, x, y, xm, ym, lr);
        for (String name : w.trainableNames()) {
            f.assertMatches("lookahead", name, lookAhead.get(name));
        }
        f.assertMatches("meta_loss", null, Nd4j.createFromArray(r.metaLoss()));
        for (String name : graph.weightingNames()) {
            f.assertMatches("meta_grad", name, r.gradients().get(name));
        }
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
        Network net = network(model);
        GoldenFixture f = GoldenFixture.load(model);
        Parameters w = f.classifier(net);
        Parameters theta = f.theta(VNET);
        double lr = f.scalar("lr");
        INDArray x = f.get("images");
        INDArray y = f.get("labels");
        INDArray xm = f.get("meta_images");
        INDArray ym = f.get("meta_labels");
        int batch = (int) x.size(0);
        int metaBatch = (int) xm.size(0);
        MetaStepGraph graph = new MetaStepGraph(net, Weightings.learned(VNET, false), batch, metaBatch, D,
                new LookAheadLayers(choice));

        MetaStepGraph.Result r = graph.step(w, theta, x, y, xm, ym, lr);
        assertLossesAndWeights(f, r.losses(), r.coefficients(), batch);
        Map<String, INDArray> lookAhead = graph.lookAhead(w, theta, x, y, xm, ym, lr);
        List<String> moved = w.trainableNames().stream().filter(n -> f.has("partial_lookahead/" + n)).toList();
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
            MetaStepGraph.Result o = new MetaStepGraph(net, Weightings.learned(VNET, false), batch, metaBatch, D,
                    new LookAheadLayers(other)).step(w, theta, x, y, xm, ym, lr);
            assertThatThrownBy(() -> f.assertMatches("partial_meta_grad", "vnet.fc1.weight",
                    o.gradients().get("vnet.fc1.weight")))
                    .as("look-ahead layers %s instead of %s", other, choice).isInstanceOf(AssertionError.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void classifierUpdateGradientsMatchPyTorch(String model, Network net, int batch, int metaBatch) {
        GoldenFixture f = GoldenFixture.load(model);
        Parameters w = f.classifier(net);
        ClassifierStepGraph.Result r = new ClassifierStepGraph(net, Weightings.learned(VNET, false), batch, D)
                .run(w, f.theta(VNET), f.get("images"), f.get("labels"));
        assertLossesAndWeights(f, r.losses(), r.coefficients(), batch);
        for (String name : w.trainableNames()) {
            f.assertMatches("update_grad", name, r.gradients().get(name));
        }
    }


    /** The training batch's losses, and V's weights: the coefficients times n (the paper's unnormalised average). */
    private static void assertLossesAndWeights(GoldenFixture f, INDArray losses, INDArray coefficients, int batch) {
        f.assertMatches("losses", null, losses);
        f.assertMatches("weights", null, coefficients.mul(batch));
    }
}
