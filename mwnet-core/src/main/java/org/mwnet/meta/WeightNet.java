package org.mwnet.meta;

import java.util.List;
import org.mwnet.nn.Dense;
import org.mwnet.nn.Init;
import org.mwnet.nn.Layer;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Relu;
import org.mwnet.nn.Scope;
import org.mwnet.nn.Sequential;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Meta-Weight-Net V(loss; theta): an MLP 1-h-1 with ReLU and a sigmoid output, mapping a sample's loss to its
 * weight in (0, 1). Parameters are {@code vnet.fc1.*} and {@code vnet.fc2.*}, initialised as PyTorch's Linear.
 */
public final class WeightNet {
    /** The paper's hidden width. */
    public static final int DEFAULT_HIDDEN = 100;
    private final int hidden;
    private final Layer body;

    /** @param hidden hidden width h (at least 1) */
    public WeightNet(int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException("V-net hidden size must be at least 1, got " + hidden);
        }
        this.hidden = hidden;
        this.body = new Sequential(List.of(new Dense("vnet.fc1", 1, hidden, Init.UNIFORM_FAN_IN), new Relu(),
                new Dense("vnet.fc2", hidden, 1, Init.UNIFORM_FAN_IN)));
    }

    /** @return the hidden width */
    public int hidden() {
        return hidden;
    }

    /** @return theta's parameters */
    public List<ParamSpec> params() {
        return body.params();
    }

    /**
     * @param seed initialisation seed
     * @param dataType FLOAT or DOUBLE
     * @return fresh theta
     */
    public Parameters init(long seed, DataType dataType) {
        return Parameters.init(params(), seed, dataType);
    }

    /**
     * Adds V to a graph.
     *
     * @param scope the graph and theta's values
     * @param losses per-sample losses [n]
     * @return per-sample weights [n]
     */
    public SDVariable apply(Scope scope, SDVariable losses) {
        SDVariable logit = body.forward(scope, losses.reshape(-1, 1), new long[] {-1, 1}).output();
        return scope.sd().nn.sigmoid(logit).reshape(-1);
    }
}
