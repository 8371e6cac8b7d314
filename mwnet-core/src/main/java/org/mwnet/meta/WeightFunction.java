package org.mwnet.meta;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.Mode;
import org.mwnet.nn.Parameters;
import org.mwnet.nn.Scope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a trained V on any number of losses (for diagnostics, plots and notebooks); a class-aware V on losses
 * and the families whose heads weigh them.
 */
public final class WeightFunction {
    private static final String LOSSES = "losses";
    private static final String FAMILIES = "families";
    private final WeightNet vnet;
    private final SameDiff sd;
    private final String output;

    /**
     * @param vnet the weighting network
     * @param dataType the type of theta
     */
    public WeightFunction(WeightNet vnet, DataType dataType) {
        this.vnet = vnet;
        this.sd = SameDiff.create();
        Map<String, SDVariable> theta = GraphInputs.placeholders(sd, vnet.params(), dataType);
        SDVariable losses = sd.placeHolder(LOSSES, dataType, -1);
        Scope scope = new Scope(sd, theta::get, Mode.EVAL, dataType);
        this.output = (vnet.families() == null ? vnet.apply(scope, losses, null)
                : vnet.applyToFamilies(scope, losses, sd.placeHolder(FAMILIES, dataType, -1, vnet.heads()))).name();
    }

    /** @return the class families of a class-aware V, or null for a plain one */
    public ClassFamilies families() {
        return vnet.families();
    }

    /**
     * @param theta V's parameters
     * @param losses loss values
     * @return a plain V at each of them
     * @throws IllegalStateException for a class-aware V, whose weights need the samples' labels
     */
    public double[] weights(Parameters theta, double[] losses) {
        if (vnet.families() != null) {
            throw new IllegalStateException("a class-aware V weighs a loss by its family's head: give the labels");
        }
        return evaluate(theta, losses, null);
    }

    /**
     * @param theta V's parameters
     * @param losses the samples' losses
     * @param labels the samples' observed labels, whose families pick a class-aware V's heads (a plain V ignores them)
     * @return V at each sample
     */
    public double[] weights(Parameters theta, double[] losses, int[] labels) {
        return evaluate(theta, losses, vnet.families() == null ? null : vnet.families().of(labels));
    }

    /** V at each loss, a class-aware V's head picked by the given family of each (null for a plain V). */
    private double[] evaluate(Parameters theta, double[] losses, int[] families) {
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, vnet.params(), theta);
        feed.put(LOSSES, Nd4j.createFromArray(losses).castTo(theta.dataType()));
        if (vnet.families() != null) {
            feed.put(FAMILIES, ClassFamilies.oneHot(families, vnet.heads(), theta.dataType()));
        }
        return sd.output(feed, output).get(output).toDoubleVector();
    }

    /**
     * @param theta V's parameters
     * @param losses loss values
     * @param family the family whose head to evaluate (0 for a plain V)
     * @return that head at each loss: one curve of the weight function
     */
    public double[] curve(Parameters theta, double[] losses, int family) {
        int[] families = new int[losses.length];
        Arrays.fill(families, family);
        return evaluate(theta, losses, vnet.families() == null ? null : families);
    }
}
