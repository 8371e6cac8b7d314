package org.mwnet.meta;

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

/** Evaluates a trained V on any number of losses (for diagnostics, plots and notebooks). */
public final class WeightFunction {
    private static final String LOSSES = "losses";
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
        this.output = vnet.apply(new Scope(sd, theta::get, Mode.EVAL, dataType), losses).name();
    }

    /**
     * @param theta V's parameters
     * @param losses loss values
     * @return V at each of them
     */
    public double[] weights(Parameters theta, double[] losses) {
        Map<String, INDArray> feed = new HashMap<>();
        GraphInputs.feed(feed, vnet.params(), theta);
        feed.put(LOSSES, Nd4j.createFromArray(losses).castTo(theta.dataType()));
        return sd.output(feed, output).get(output).toDoubleVector();
    }
}
