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
 *
 * <p>CMW-Net's class-aware V (given {@link ClassFamilies}) shares the first layer and ReLU and has one sigmoid head
 * per class family: {@code vnet.fc2} is then h-F, column f being family f's head (each initialised as a Linear(h, 1)
 * would be), and a sample's weight is its family's head's output. The graph computes all F heads and keeps the
 * sample's by multiplying with its family one-hot (its label one-hot times the class-family matrix), so the gradient
 * reaches only the head that weighted it.
 */
public final class WeightNet {
    /** The paper's hidden width. */
    public static final int DEFAULT_HIDDEN = 100;
    private final int hidden;
    private final ClassFamilies families;
    private final Layer body;

    /** @param hidden hidden width h (at least 1) */
    public WeightNet(int hidden) {
        this(hidden, null);
    }

    /**
     * @param hidden hidden width h (at least 1)
     * @param families the classes' families, one head each (CMW-Net), or null for MW-Net's single head
     */
    public WeightNet(int hidden, ClassFamilies families) {
        if (hidden < 1) {
            throw new IllegalArgumentException("V-net hidden size must be at least 1, got " + hidden);
        }
        this.hidden = hidden;
        this.families = families;
        this.body = new Sequential(List.of(new Dense("vnet.fc1", 1, hidden, Init.UNIFORM_FAN_IN), new Relu(),
                new Dense("vnet.fc2", hidden, heads(), Init.UNIFORM_FAN_IN)));
    }

    /** @return the hidden width */
    public int hidden() {
        return hidden;
    }

    /** @return the class families of a class-aware V, or null for a plain one */
    public ClassFamilies families() {
        return families;
    }

    /** @return its sigmoid heads: the family count of a class-aware V, 1 for a plain one */
    public int heads() {
        return families == null ? 1 : families.count();
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
     * @param labels the samples' one-hot labels [n, K], which pick a class-aware V's head (a plain V ignores them)
     * @return per-sample weights [n]
     */
    public SDVariable apply(Scope scope, SDVariable losses, SDVariable labels) {
        if (families == null) {
            SDVariable logit = body.forward(scope, losses.reshape(-1, 1), new long[] {-1, 1}).output();
            return scope.sd().nn.sigmoid(logit).reshape(-1);
        }
        SDVariable membership = scope.sd().constant(families.membership(scope.dataType()));
        return applyToFamilies(scope, losses, labels.mmul(membership));
    }

    /**
     * Adds a class-aware V to a graph, each sample's head given by its family.
     *
     * @param scope the graph and theta's values
     * @param losses per-sample losses [n]
     * @param familyOneHot the samples' families, one-hot [n, F]
     * @return per-sample weights [n]: each sample's family's head at its loss
     */
    public SDVariable applyToFamilies(Scope scope, SDVariable losses, SDVariable familyOneHot) {
        SDVariable logits = body.forward(scope, losses.reshape(-1, 1), new long[] {-1, 1}).output();
        return scope.sd().nn.sigmoid(logits).mul(familyOneHot).sum(1);
    }
}
