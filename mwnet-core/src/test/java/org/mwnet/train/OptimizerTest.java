package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mwnet.nn.Init;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimisers against PyTorch's {@code torch.optim.SGD} and {@code torch.optim.Adam} (L2 weight decay), an
 * independent implementation. The expected values were printed by PyTorch 1.13 in float64:
 * <pre>
 * w = torch.tensor([1., -2., 3.], requires_grad=True)
 * opt = torch.optim.SGD([w], lr=0.5, momentum=0.9, weight_decay=0.1)   # or Adam([w], lr=0.1, weight_decay=0.01)
 * for g in ([0.5, -1., 2.], [-0.25, 0.75, 1.]): w.grad = torch.tensor(g); opt.step()
 * </pre>
 * The first SGD coordinate by hand: g = 0.5 + 0.1 = 0.6, v = 0.6, w = 1 - 0.3 = 0.7; then g = -0.25 + 0.07 = -0.18,
 * v = 0.54 - 0.18 = 0.36, w = 0.7 - 0.18 = 0.52.
 */
class OptimizerTest {
    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {-0.25, 0.75, 1.0};

    private static Parameters one(DataType dt) {
        Parameters p = Parameters.init(List.of(new ParamSpec("w", new long[] {3}, Init.ZEROS, 1, true)), 0, dt);
        p.get("w").assign(Nd4j.createFromArray(1.0, -2.0, 3.0));
        return p;
    }

    private static Map<String, INDArray> grad(double[] g, DataType dt) {
        return Map.of("w", Nd4j.createFromArray(g).castTo(dt));
    }

    @Test
    void sgdIsHeavyBallMomentumWithWeightDecay() {
        Parameters p = one(DataType.DOUBLE);
        SgdMomentum sgd = new SgdMomentum(0.9, 0.1);
        sgd.step(p, grad(G1, DataType.DOUBLE), 0.5);
        sgd.step(p, grad(G2, DataType.DOUBLE), 0.5);
        double[] torch = {0.5199999999999999, -1.1649999999999998, 0.22250000000000014};
        assertThat(p.get("w").toDoubleVector()).containsExactly(torch, offset(1e-12));
    }

    @Test
    void adamMatchesTheRuleAndRestoresItsState() {
        Parameters p = one(DataType.FLOAT);
        Adam adam = new Adam(0.01);
        adam.step(p, grad(G1, DataType.FLOAT), 0.1);
        Adam resumed = new Adam(0.01);
        resumed.restore(adam.state(), adam.steps());
        resumed.step(p, grad(G2, DataType.FLOAT), 0.1);
        double[] torch = {0.8712293476231743, -1.8889074717226813, 2.806582164846924};
        // float parameters: a few float ulps of rounding per step
        assertThat(p.get("w").toDoubleVector()).containsExactly(torch, offset(1e-6));
        assertThat(p.get("w").dataType()).isEqualTo(DataType.FLOAT);
        assertThat(resumed.steps()).isEqualTo(2);
    }
}
