package org.mwnet.meta;

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
