package org.mwnet.eval;

import java.util.List;
import org.mwnet.data.InputSettings;
import org.mwnet.data.SampleStream;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;

/**
 * A trained classifier applied to new samples with its run's preprocessing: the samples of a {@link SampleStream}
 * opened with the run's {@link InputSettings} are normalised as the run normalised its own, then classified.
 */
public final class Predictor {
    private final Evaluator evaluator;
    private final Parameters params;
    private final InputSettings input;

    /**
     * @param net the classifier's architecture
     * @param params its parameters
     * @param input how its run read and normalised its input
     */
    public Predictor(Network net, Parameters params, InputSettings input) {
        this.evaluator = new Evaluator(net, params.dataType());
        this.params = params;
        this.input = input;
    }

    /** @return the class names, in label order */
    public List<String> classes() {
        return input.classes();
    }

    /**
     * @param chunk samples read by a stream opened with this classifier's input settings
     * @return each sample's class probabilities, [n][K], K = {@code classes().size()}
     */
    public double[][] probabilities(SampleStream.Chunk chunk) {
        float[] normalised = input.normalization().apply(chunk.values(), input.height() * input.width());
        return evaluator.probabilities(params, normalised, input.shape());
    }
}
