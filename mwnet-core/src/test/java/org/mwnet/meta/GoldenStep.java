package org.mwnet.meta;

import java.util.List;
import java.util.Map;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * mwnet's bilevel step in DOUBLE on a golden fixture's classifier parameters, batches and learning rate, with V
 * ({@link Weightings#learned}, unnormalised) and its theta from the fixture, and the comparisons with what PyTorch
 * computed there. Shared by the golden tests of the plain and the class-aware V.
 */
final class GoldenStep {
    private static final DataType D = DataType.DOUBLE;
    private final GoldenFixture fixture;
    private final Network net;
    private final Parameters classifier;
    private final INDArray images;
    private final INDArray labels;
    private final INDArray metaImages;
    private final INDArray metaLabels;
    private final double lr;

    /**
     * @param fixture the golden reference
     * @param net the classifier it was made for
     */
    GoldenStep(GoldenFixture fixture, Network net) {
        this.fixture = fixture;
        this.net = net;
        this.classifier = fixture.classifier(net);
        this.images = fixture.get("images");
        this.labels = fixture.get("labels");
        this.metaImages = fixture.get("meta_images");
        this.metaLabels = fixture.get("meta_labels");
        this.lr = fixture.scalar("lr");
    }

    /**
     * @param fixture the fixture's name
     * @param model the classifier it was made for: mlp, lenet or resnet32
     * @return the step on that fixture
     */
    static GoldenStep load(String fixture, String model) {
        return new GoldenStep(GoldenFixture.load(fixture), network(model));
    }

    /**
     * @param model mlp, lenet or resnet32
     * @return that classifier as make_golden.py builds it
     */
    static Network network(String model) {
        return switch (model) {
            case "mlp" -> Models.mlp(new long[] {1, 28, 28}, List.of(16, 16), 10);
            case "lenet" -> Models.lenet(new long[] {1, 28, 28}, 10);
            case "resnet32" -> Models.resnet32(new long[] {3, 32, 32}, 10, 16);
            default -> throw new IllegalArgumentException("no golden fixture's classifier is called " + model);
        };
    }

    /** @return the fixture */
    GoldenFixture fixture() {
        return fixture;
    }

    /** @return the fixture's classifier parameters, as the steps use them */
    Parameters classifier() {
        return classifier;
    }

    /** @return the training batch size n */
    int batch() {
        return (int) images.size(0);
    }

    /**
     * @param vnet the weighting network (its theta is the fixture's)
     * @param layers the layers the look-ahead moves
     * @return the meta step's graph for the fixture's batch sizes
     */
    MetaStepGraph metaGraph(WeightNet vnet, LookAheadLayers layers) {
        return new MetaStepGraph(net, Weightings.learned(vnet, false), batch(), (int) metaImages.size(0), D, layers);
    }

    /**
     * @param graph a graph from {@link #metaGraph}
     * @param vnet the weighting network it was built for
     * @return its meta step on the fixture
     */
    MetaStepGraph.Result metaStep(MetaStepGraph graph, WeightNet vnet) {
        return graph.step(classifier, fixture.theta(vnet), images, labels, metaImages, metaLabels, lr);
    }

    /**
     * @param vnet the weighting network
     * @return the exact meta step (every layer looked ahead) on the fixture
     */
    MetaStepGraph.Result metaStep(WeightNet vnet) {
        return metaStep(metaGraph(vnet, LookAheadLayers.ALL), vnet);
    }

    /**
     * @param graph a graph from {@link #metaGraph}
     * @param vnet the weighting network it was built for
     * @return the looked-ahead parameters w' of the moved layers, by name
     */
    Map<String, INDArray> lookAhead(MetaStepGraph graph, WeightNet vnet) {
        return graph.lookAhead(classifier, fixture.theta(vnet), images, labels, metaImages, metaLabels, lr);
    }

    /**
     * @param vnet the weighting network
     * @return the actual update's step (V from the fixture's theta held constant) on the training batch
     */
    ClassifierStepGraph.Result update(WeightNet vnet) {
        return new ClassifierStepGraph(net, Weightings.learned(vnet, false), batch(), D)
                .run(classifier, fixture.theta(vnet), images, labels);
    }

    /**
     * Asserts that the exact meta step matches PyTorch's: losses and weights, the look-ahead w', the meta loss and
     * its gradient for every theta array, in the order they are computed, so that a failure names the first quantity
     * that is wrong.
     *
     * @param vnet the weighting network the fixture was made with
     */
    void assertMetaStepMatches(WeightNet vnet) {
        MetaStepGraph graph = metaGraph(vnet, LookAheadLayers.ALL);
        MetaStepGraph.Result r = metaStep(graph, vnet);
        assertLossesAndWeights(r.losses(), r.coefficients());
        Map<String, INDArray> lookAhead = lookAhead(graph, vnet);
        for (String name : classifier.trainableNames()) {
            fixture.assertMatches("lookahead", name, lookAhead.get(name));
        }
        fixture.assertMatches("meta_loss", null, Nd4j.createFromArray(r.metaLoss()));
        for (String name : graph.weightingNames()) {
            fixture.assertMatches("meta_grad", name, r.gradients().get(name));
        }
    }

    /**
     * Asserts that the actual update matches PyTorch's: losses, weights and every classifier parameter's gradient.
     *
     * @param vnet the weighting network the fixture was made with
     */
    void assertUpdateMatches(WeightNet vnet) {
        ClassifierStepGraph.Result r = update(vnet);
        assertLossesAndWeights(r.losses(), r.coefficients());
        for (String name : classifier.trainableNames()) {
            fixture.assertMatches("update_grad", name, r.gradients().get(name));
        }
    }

    /**
     * Asserts the training batch's losses, and V's weights: the coefficients times n (the paper's unnormalised
     * average).
     *
     * @param losses mwnet's per-sample losses
     * @param coefficients mwnet's per-sample coefficients
     */
    void assertLossesAndWeights(INDArray losses, INDArray coefficients) {
        fixture.assertMatches("losses", null, losses);
        fixture.assertMatches("weights", null, weights(coefficients));
    }

    /**
     * @param coefficients per-sample coefficients c_i = V_i / n
     * @return V's weights
     */
    INDArray weights(INDArray coefficients) {
        return coefficients.mul(batch());
    }
}
