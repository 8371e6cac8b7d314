package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mwnet.nn.Checks;
import org.mwnet.nn.CrossEntropy;
import org.mwnet.nn.FiniteDifferenceCheck;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.Mode;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one-graph meta-gradient grad_theta L_meta(w'(theta)), checked in DOUBLE: against central differences of the
 * same graph's meta loss (which shows the autodiff is consistent with the graph, not that the graph is right:
 * {@link GoldenReferenceTest} checks that against PyTorch) and against a closed form built from SameDiff's own
 * autodiff of the classifier.
 */
class MetaGradientTest {
    private static final DataType D = DataType.DOUBLE;
    private static final double LR = 0.5;

    /** One bilevel problem: a classifier, V, and a training and a meta batch. */
    private record Problem(Network net, WeightNet vnet, Parameters w, Parameters theta, INDArray x, INDArray y,
                           INDArray xm, INDArray ym) {
        static Problem of(Network net, int n, int m, long seed) {
            WeightNet vnet = new WeightNet(12);
            return new Problem(net, vnet, net.init(seed, D), vnet.init(seed + 1, D),
                    Checks.randn(seed + 2, net.batchShape(n)), Checks.oneHot(n, net.numClasses(), seed + 3),
                    Checks.randn(seed + 4, net.batchShape(m)), Checks.oneHot(m, net.numClasses(), seed + 5));
        }

        MetaStepGraph graph() {
            return graph(LookAheadLayers.ALL);
        }

        MetaStepGraph graph(LookAheadLayers moving) {
            return new MetaStepGraph(net, Weightings.learned(vnet, false), (int) x.size(0), (int) xm.size(0), D,
                    moving);
        }
    }

    /**
     * Central differences of the meta loss in DOUBLE: step 1e-6 (truncation ~h^2, roundoff ~1e-16 / h); each
     * coordinate within 1e-4 of its own gradient, or within 1e-10 absolutely, which is 1e-4 of the 1e-6 that the
     * largest checked component must exceed (so no coordinate may be off by more than 1e-4 of the largest one).
     */
    private static final FiniteDifferenceCheck CENTRAL_DIFFERENCES = new FiniteDifferenceCheck(1e-6, 1e-4, 1e-10, 1e-6);

    /** Central differences on some coordinates of theta (all of a small array) against the graph's gradient. */
    private static void assertMatchesFiniteDifferences(Problem p, int coordinates) {
        assertMatchesFiniteDifferences(p, coordinates, LookAheadLayers.ALL);
    }

    /** The same for a look-ahead that moves only some layers. */
    private static void assertMatchesFiniteDifferences(Problem p, int coordinates, LookAheadLayers moving) {
        MetaStepGraph g = p.graph(moving);
        MetaStepGraph.Result r = g.step(p.w, p.theta, p.x, p.y, p.xm, p.ym, LR);
        SplittableRandom rng = new SplittableRandom(3);
        Map<String, long[]> chosen = new LinkedHashMap<>();
        for (String name : g.weightingNames()) {
            long length = p.theta.get(name).length();
            chosen.put(name, length <= coordinates ? LongStream.range(0, length).toArray()
                    : LongStream.range(0, coordinates).map(c -> rng.nextLong(length)).toArray());
        }
        CENTRAL_DIFFERENCES.assertGradients(p.theta.asMap(), r.gradients(), chosen,
                () -> g.metaLoss(p.w, p.theta, p.x, p.y, p.xm, p.ym, LR));
    }

    @Test
    void mlpMetaGradientMatchesFiniteDifferences() {
        assertMatchesFiniteDifferences(Problem.of(Models.mlp(new long[] {1, 6, 6}, List.of(16, 16), 4), 8, 6, 1), 8);
    }

    @Test
    void lenetMetaGradientMatchesFiniteDifferences() {
        assertMatchesFiniteDifferences(Problem.of(Models.lenet(new long[] {1, 28, 28}, 5), 4, 3, 2), 6);
    }

    @Test
    void narrowResnet32MetaGradientMatchesFiniteDifferences() {
        assertMatchesFiniteDifferences(Problem.of(Models.resnet32(new long[] {3, 32, 32}, 3, 2), 4, 3, 3), 4);
    }

    @Test
    void paperWidthResnet32MetaGradientMatchesFiniteDifferences() {
        assertMatchesFiniteDifferences(Problem.of(Models.resnet32(new long[] {3, 32, 32}, 10, 16), 2, 2, 5), 3);
    }

    @Test
    void partialLookAheadMetaGradientsMatchFiniteDifferences() {
        assertMatchesFiniteDifferences(Problem.of(Models.mlp(new long[] {1, 6, 6}, List.of(16, 16), 4), 8, 6, 1), 8,
                new LookAheadLayers("last"));
        assertMatchesFiniteDifferences(Problem.of(Models.lenet(new long[] {1, 28, 28}, 5), 4, 3, 2), 6,
                new LookAheadLayers("4"));
        assertMatchesFiniteDifferences(Problem.of(Models.resnet32(new long[] {3, 32, 32}, 3, 2), 4, 3, 3), 4,
                new LookAheadLayers("last-stage"));
    }

    /**
     * Independent closed form on the MLP, with every part from SameDiff's own autodiff (no explicit VJP):
     * grad_theta = -(lr/n) sum_i (g_meta . grad_w L_i) dV_i/dtheta, g_meta the meta gradient at w'.
     */
    @Test
    void mlpMetaGradientMatchesTheClosedForm() {
        Problem p = Problem.of(Models.mlp(new long[] {1, 5, 5}, List.of(9, 7), 3), 6, 5, 4);
        int n = (int) p.x.size(0);
        MetaStepGraph.Result r = p.graph().step(p.w, p.theta, p.x, p.y, p.xm, p.ym, LR);

        List<Map<String, INDArray>> perSample = new ArrayList<>();
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            INDArray mask = Nd4j.zeros(D, n);
            mask.putScalar(i, 1.0);
            Autodiff a = Autodiff.classifierLoss(p.net, p.w, p.x, p.y, mask);
            perSample.add(a.gradients);
            losses[i] = a.value;
        }
        INDArray lossArr = Nd4j.createFromArray(losses);
        assertThat(Checks.relativeError(lossArr, r.losses())).isLessThan(1e-10);

        Parameters lookedAhead = p.w.copy();
        for (int i = 0; i < n; i++) {
            double ci = r.coefficients().getDouble(i);
            for (String name : p.w.trainableNames()) {
                lookedAhead.get(name).subi(perSample.get(i).get(name).mul(LR * ci));
            }
        }
        Map<String, INDArray> gMeta = Autodiff.classifierLoss(p.net, lookedAhead, p.xm, p.ym,
                Nd4j.valueArrayOf(new long[] {p.xm.size(0)}, 1.0 / p.xm.size(0), D)).gradients;

        Map<String, INDArray> expected = new HashMap<>();
        for (String t : p.vnet.params().stream().map(s -> s.name()).toList()) {
            expected.put(t, Nd4j.zeros(D, p.theta.get(t).shape()));
        }
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (String name : p.w.trainableNames()) {
                dot += gMeta.get(name).mul(perSample.get(i).get(name)).sumNumber().doubleValue();
            }
            Map<String, INDArray> dV = Autodiff.weightNetOutput(p.vnet, p.theta, losses[i]);
            for (var e : expected.entrySet()) {
                e.getValue().addi(dV.get(e.getKey()).mul(-LR / n * dot));
            }
        }
        for (var e : expected.entrySet()) {
            assertThat(Checks.relativeError(e.getValue(), r.gradients().get(e.getKey())))
                    .as("closed form for %s", e.getKey()).isLessThan(1e-8);
        }
    }

    /** Reference gradients from SameDiff's autodiff with the parameters as variables. */
    private record Autodiff(double value, Map<String, INDArray> gradients) {
        static Autodiff classifierLoss(Network net, Parameters w, INDArray x, INDArray y, INDArray weights) {
            SameDiff sd = SameDiff.create();
            Map<String, SDVariable> vars = new HashMap<>();
            for (String name : w.names()) {
                vars.put(name, sd.var(name, w.get(name).dup()));
            }
            SDVariable logits = net.forward(new Scope(sd, vars::get, Mode.TRAIN, D), sd.constant(x), x.size(0)).output();
            SDVariable loss = CrossEntropy.perSample(logits, sd.constant(y)).mul(sd.constant(weights)).sum();
            sd.setLossVariables(loss);
            Map<String, INDArray> g = sd.calculateGradients(new HashMap<>(), w.trainableNames());
            return new Autodiff(loss.eval().getDouble(0), g);
        }

        static Map<String, INDArray> weightNetOutput(WeightNet vnet, Parameters theta, double loss) {
            SameDiff sd = SameDiff.create();
            Map<String, SDVariable> vars = new HashMap<>();
            for (String name : theta.names()) {
                vars.put(name, sd.var(name, theta.get(name).dup()));
            }
            SDVariable losses = sd.constant(Nd4j.scalar(D, loss).reshape(1));
            SDVariable v = vnet.apply(new Scope(sd, vars::get, Mode.TRAIN, D), losses, null);
            SDVariable out = v.sum();
            sd.setLossVariables(out);
            return sd.calculateGradients(new HashMap<>(), theta.names());
        }
    }

    @Test
    void aReusedGraphGivesTheSameResultsAsFreshOnes() {
        Problem a = Problem.of(Models.mlp(new long[] {1, 4, 4}, List.of(8, 8), 3), 5, 4, 7);
        Problem b = Problem.of(a.net, 5, 4, 8);
        for (String moving : new String[] {"last", "all"}) {
            assertReusedGraphGivesFreshResults(a, b, new LookAheadLayers(moving));
        }
        ClassifierStepGraph update = new ClassifierStepGraph(a.net, Weightings.learned(a.vnet, false), 5, D);

        ClassifierStepGraph.Result ua = update.run(a.w, a.theta, a.x, a.y);
        update.run(b.w, b.theta, b.x, b.y);
        ClassifierStepGraph.Result ua2 = update.run(a.w, a.theta, a.x, a.y);
        for (String name : a.w.trainableNames()) {
            assertThat(ua2.gradients().get(name)).isEqualTo(ua.gradients().get(name));
        }
        GraphInputs.trainable(a.net.params()).forEach(s -> assertThat(ua.gradients()).containsKey(s.name()));
    }

    /** One graph run on problem a, then b: the results of fresh graphs, and b's differ from a's. */
    private static void assertReusedGraphGivesFreshResults(Problem a, Problem b, LookAheadLayers moving) {
        MetaStepGraph reused = a.graph(moving);
        MetaStepGraph.Result ra = reused.step(a.w, a.theta, a.x, a.y, a.xm, a.ym, LR);
        double metaLossA = ra.metaLoss();
        Map<String, INDArray> gradientsA = new HashMap<>();
        ra.gradients().forEach((name, g) -> gradientsA.put(name, g.dup()));
        MetaStepGraph.Result rb = reused.step(b.w, b.theta, b.x, b.y, b.xm, b.ym, 0.1);
        MetaStepGraph.Result fa = a.graph(moving).step(a.w, a.theta, a.x, a.y, a.xm, a.ym, LR);
        MetaStepGraph.Result fb = b.graph(moving).step(b.w, b.theta, b.x, b.y, b.xm, b.ym, 0.1);
        assertThat(metaLossA).as(moving.name()).isEqualTo(fa.metaLoss());
        assertThat(rb.metaLoss()).as(moving.name()).isEqualTo(fb.metaLoss()).isNotEqualTo(metaLossA);
        for (String name : reused.weightingNames()) {
            assertThat(gradientsA.get(name)).as(moving.name()).isEqualTo(fa.gradients().get(name));
            assertThat(rb.gradients().get(name)).as(moving.name()).isEqualTo(fb.gradients().get(name));
        }
    }
}
