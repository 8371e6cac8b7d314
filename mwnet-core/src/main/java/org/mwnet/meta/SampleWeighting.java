package org.mwnet.meta;

import java.util.List;
import org.mwnet.nn.ParamSpec;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * How a method turns a batch's per-sample losses into the coefficients c_i of the gradient
 * {@code sum_i c_i grad L_i} (for plain mean cross-entropy, c_i = 1/n).
 */
public interface SampleWeighting {
    /**
     * Parameters the coefficients depend on (theta for MW-Net, the per-sample epsilons for L2RW); the graphs make
     * them placeholders or, for a meta-gradient, the variables differentiated.
     *
     * @param batch the batch size n
     * @return their declarations
     */
    List<ParamSpec> params(int batch);

    /**
     * Adds the coefficients to a graph.
     *
     * @param scope graph and the values of {@link #params}
     * @param losses per-sample cross-entropies [n]
     * @param labels the samples' one-hot (observed) labels [n, K], which a class-aware V reads
     * @param batch n
     * @return c, shape [n]
     */
    SDVariable coefficients(Scope scope, SDVariable losses, SDVariable labels, int batch);
}
