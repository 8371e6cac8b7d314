package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mwnet.nn.Checks;
import org.mwnet.nn.CrossEntropy;
import org.mwnet.nn.Mode;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classifier-update graph's explicit gradients against SameDiff autodiff of the same losses, in DOUBLE. */
class ClassifierStepGraphTest {
    private static final DataType D = DataType.DOUBLE;
    private static final Network NET = Models.lenet(new long[] {1, 28, 28}, 4);
    private static final int N = 5;

    private static Map<String, INDArray> autodiff(Parameters w, INDArray x, INDArray y, double gamma) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new HashMap<>();
        for (String name : w.names()) {
            vars.put(name, sd.var(name, w.get(name).dup()));
        }
        SDVariable logits = NET.forward(new Scope(sd, vars::get, Mode.TRAIN, D), sd.constant(x), N).output();
        SDVariable ce = CrossEntropy.perSample(logits, sd.constant(y));
        SDVariable p = sd.math.exp(ce.neg());
        SDVariable focal = sd.math.pow(sd.constant(org.nd4j.linalg.factory.Nd4j.scalar(D, 1.0)).sub(p), gamma).mul(ce);
        sd.setLossVariables(focal.mean());
        return sd.calculateGradients(new HashMap<>(), w.trainableNames());
    }

    private static void assertGradients(SampleWeighting weighting, double gamma) {
        Parameters w = NET.init(3, D);
        INDArray x = Checks.randn(4, NET.batchShape(N));
        INDArray y = Checks.oneHot(N, 4, 5);
        ClassifierStepGraph.Result r = new ClassifierStepGraph(NET, weighting, N, D).run(w, null, x, y);
        Map<String, INDArray> expected = autodiff(w, x, y, gamma);
        assertThat(r.gradients().keySet()).containsExactlyInAnyOrderElementsOf(w.trainableNames());
        for (String name : w.trainableNames()) {
            assertThat(Checks.relativeError(expected.get(name), r.gradients().get(name))).as(name).isLessThan(1e-8);
        }
    }

    @Test
    void meanCrossEntropyGradientMatchesAutodiff() {
        assertGradients(Weightings.uniform(), 0);
    }

    @Test
    void focalLossGradientMatchesAutodiff() {
        assertGradients(Weightings.focal(2), 2);
    }

    @Test
    void reportsBatchNormStatisticsForResnet() {
        Network net = Models.resnet32(new long[] {3, 32, 32}, 3, 2);
        ClassifierStepGraph.Result r = new ClassifierStepGraph(net, Weightings.uniform(), 2, D)
                .run(net.init(1, D), null, Checks.randn(1, net.batchShape(2)), Checks.oneHot(2, 3, 1));
        assertThat(r.batchStatistics()).containsKeys("bn1.running_mean", "bn1.running_var",
                "layer3.4.bn2.running_var");
        assertThat(r.batchStatistics()).hasSize(2 * (1 + 3 * 5 * 2));
        assertThat(List.copyOf(r.gradients().keySet())).doesNotContain("bn1.running_mean");
    }
}
