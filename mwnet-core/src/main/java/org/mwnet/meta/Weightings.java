package org.mwnet.meta;

import java.util.List;
import org.mwnet.nn.Init;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

/** The sample weightings of the shipped methods. */
public final class Weightings {
    /** Name of the explicit per-sample weight placeholder / variable. */
    public static final String SAMPLE_WEIGHTS = "sample_weights";

    private Weightings() {
    }

    /** @return plain mean cross-entropy: c_i = 1/n */
    public static SampleWeighting uniform() {
        return new SampleWeighting() {
            @Override
            public List<ParamSpec> params(int batch) {
                return List.of();
            }

            @Override
            public SDVariable coefficients(Scope scope, SDVariable losses, SDVariable labels, int batch) {
                return scope.sd().constant(Nd4j.valueArrayOf(new long[] {batch}, 1.0 / batch, scope.dataType()));
            }
        };
    }

    /**
     * Meta-Weight-Net: c_i = V(L_i; theta) / n, or V(L_i) / sum_j V(L_j) when normalised; CMW-Net with a
     * class-aware V, whose head is picked by each sample's label.
     *
     * @param vnet the weighting network
     * @param normalize divide by the batch's weight sum instead of n
     * @return the weighting
     */
    public static SampleWeighting learned(WeightNet vnet, boolean normalize) {
        return new SampleWeighting() {
            @Override
            public List<ParamSpec> params(int batch) {
                return vnet.params();
            }

            @Override
            public SDVariable coefficients(Scope scope, SDVariable losses, SDVariable labels, int batch) {
                SDVariable v = vnet.apply(scope, losses, labels);
                return normalize ? v.div(v.sum().add(scope.scalar(1e-8)))
                        : v.mul(scope.scalar(1.0 / batch));
            }
        };
    }

    /**
     * Explicit coefficients c_i given per batch ({@value #SAMPLE_WEIGHTS}, shape [n]): L2RW's epsilons in the meta
     * step, its normalised weights in the update.
     *
     * @return the weighting
     */
    public static SampleWeighting explicit() {
        return new SampleWeighting() {
            @Override
            public List<ParamSpec> params(int batch) {
                return List.of(new ParamSpec(SAMPLE_WEIGHTS, new long[] {batch}, Init.ZEROS, 1, true));
            }

            @Override
            public SDVariable coefficients(Scope scope, SDVariable losses, SDVariable labels, int batch) {
                return scope.param(SAMPLE_WEIGHTS);
            }
        };
    }

    /**
     * Focal loss (Lin et al. 2017), {@code FL = -(1-p)^gamma log p}, whose logit gradient is the cross-entropy's
     * times {@code g = (1-p)^gamma - gamma p (1-p)^(gamma-1) log p}; c_i = g_i / n.
     *
     * @param gamma focusing parameter, 0 (plain cross-entropy) or at least 1
     * @return the weighting
     */
    public static SampleWeighting focal(double gamma) {
        if (!(gamma == 0 || gamma >= 1)) {
            throw new IllegalArgumentException("focal gamma must be 0 or at least 1, got " + gamma);
        }
        return new SampleWeighting() {
            @Override
            public List<ParamSpec> params(int batch) {
                return List.of();
            }

            @Override
            public SDVariable coefficients(Scope scope, SDVariable losses, SDVariable labels, int batch) {
                var sd = scope.sd();
                SDVariable p = sd.math.exp(losses.neg());
                SDVariable q = scope.scalar(1).sub(p);
                SDVariable g = sd.math.pow(q, gamma);
                if (gamma > 0) {
                    // log p = -L
                    g = g.add(sd.math.pow(q, gamma - 1).mul(p).mul(losses).mul(scope.scalar(gamma)));
                }
                return g.mul(scope.scalar(1.0 / batch));
            }
        };
    }
}
