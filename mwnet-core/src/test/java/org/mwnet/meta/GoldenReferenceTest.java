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
        Parameters theta = f.parameters("theta/", VNET.init(0, D));
        double lr = f.scalar("lr");
        MetaStepGraph graph = new MetaStepGraph(net, Weightings.learned(VNET, false), batch, metaBatch, D);
        INDArray x = f.get("images");
        INDArray y = f.get("labels");
        INDArray xm = f.get("meta_images");
        INDArray ym = f.get("meta_labels");

        MetaStepGraph.Result r = graph.step(w, theta, x, y, xm, ym, lr);
        f.assertMatches("losses", null, r.losses());
        // the coefficients are V's weights over n (the paper's unnormalised average)
        f.assertMatches("weights", null, r.coefficients().mul(batch));
        f.assertMatches("meta_loss", null, scalarArray(r.metaLoss()));
        for (String name : graph.weightingNames()) {
            f.assertMatches("meta_grad", name, r.gradients().get(name));
        }
        Map<String, INDArray> lookAhead = graph.lookAhead(w, theta, x, y, xm, ym, lr);
        for (String name : w.trainableNames()) {
            f.assertMatches("lookahead", name, lookAhead.get(name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void classifierUpdateGradientsMatchPyTorch(String model, Network net, int batch, int metaBatch) {
        GoldenFixture f = GoldenFixture.load(model);
        Parameters w = f.classifier(net);
        Parameters theta = f.parameters("theta/", VNET.init(0, D));
        ClassifierStepGraph.Result r = new ClassifierStepGraph(net, Weightings.learned(VNET, false), batch, D)
                .run(w, theta, f.get("images"), f.get("labels"));
        f.assertMatches("losses", null, r.losses());
        f.assertMatches("weights", null, r.coefficients().mul(batch));
        for (String name : w.trainableNames()) {
            f.assertMatches("update_grad", name, r.gradients().get(name));
        }
    }

    private static INDArray scalarArray(double value) {
        return org.nd4j.linalg.factory.Nd4j.createFromArray(value);
    }
}
