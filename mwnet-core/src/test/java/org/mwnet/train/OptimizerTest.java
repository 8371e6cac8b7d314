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

/** The optimisers against the update rules written out by hand (PyTorch's SGD and Adam with L2 weight decay). */
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
        double[] w = {1.0, -2.0, 3.0};
        double[] v = new double[3];
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 3; i++) {
                double gi = g[i] + 0.1 * w[i];
                v[i] = 0.9 * v[i] + gi;
                w[i] -= 0.5 * v[i];
            }
        }
        assertThat(p.get("w").toDoubleVector()).containsExactly(w, offset(1e-12));
    }

    @Test
    void adamMatchesTheRuleAndRestoresItsState() {
        Parameters p = one(DataType.FLOAT);
        Adam adam = new Adam(0.01);
        adam.step(p, grad(G1, DataType.FLOAT), 0.1);
        Adam resumed = new Adam(0.01);
        resumed.restore(adam.state(), adam.steps());
        resumed.step(p, grad(G2, DataType.FLOAT), 0.1);
        double[] w = {1.0, -2.0, 3.0};
        double[] m = new double[3];
        double[] v = new double[3];
        int t = 0;
        for (double[] g : new double[][] {G1, G2}) {
            t++;
            for (int i = 0; i < 3; i++) {
                double gi = g[i] + 0.01 * w[i];
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                w[i] -= 0.1 * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        assertThat(p.get("w").toDoubleVector()).containsExactly(w, offset(1e-6));
        assertThat(p.get("w").dataType()).isEqualTo(DataType.FLOAT);
        assertThat(resumed.steps()).isEqualTo(2);
    }
}
