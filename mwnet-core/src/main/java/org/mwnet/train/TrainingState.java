package org.mwnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mwnet.data.Batches;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a run changes as it goes: classifier and V parameters, both optimisers, the position in the
 * meta-batch streams (one per micro-batch, drawn in step), the counters and the metrics so far. A checkpoint saves
 * exactly this.
 */
public final class TrainingState {
    final Parameters classifier;
    final Parameters theta;
    final SgdMomentum sgd;
    final Adam adam;
    final List<Batches.Cycle> metaCycles;
    final List<EpochMetrics> history = new ArrayList<>();
    int nextEpoch;
    long iteration;

    private TrainingState(Parameters classifier, Parameters theta, SgdMomentum sgd, Adam adam,
                          List<Batches.Cycle> metaCycles) {
        this.classifier = classifier;
        this.theta = theta;
        this.sgd = sgd;
        this.adam = adam;
        this.metaCycles = metaCycles;
    }

    /**
     * The state at the start of a run.
     *
     * @param config the run's configuration (seed, optimiser settings, meta batch size, micro-batches)
     * @param net the classifier
     * @param theta V's starting parameters, or null for methods without V
     * @param metaSize the meta set's size (0 for a run without one: it draws no meta batches)
     * @param dataType FLOAT or DOUBLE
     * @return a fresh state
     */
    public static TrainingState initial(TrainConfig config, Network net, Parameters theta, int metaSize,
                                        DataType dataType) {
        return new TrainingState(net.init(config.seed(), dataType), theta,
                new SgdMomentum(config.momentum(), config.weightDecay()), new Adam(config.metaWeightDecay()),
                IntStream.range(0, metaSize == 0 ? 0 : config.accumulate()).mapToObj(p -> new Batches.Cycle(metaSize,
                        config.microMetaBatch(), config.seed(), p, config.accumulate())).toList());
    }

    /**
     * A worker's replica under parameter averaging: its own parameters and optimisers, without meta streams (the
     * driver draws the meta batches) or history.
     *
     * @param config the run's configuration (optimiser settings)
     * @param classifier the replica's own classifier arrays
     * @param theta the replica's own V arrays, or null for methods without V
     * @return the replica's state
     */
    static TrainingState replica(TrainConfig config, Parameters classifier, Parameters theta) {
        return new TrainingState(classifier, theta, new SgdMomentum(config.momentum(), config.weightDecay()),
                new Adam(config.metaWeightDecay()), List.of());
    }

    /** @return the classifier's parameters and BatchNorm buffers (live) */
    public Parameters classifier() {
        return classifier;
    }

    /** @return V's parameters, or null for methods without V */
    public Parameters theta() {
        return theta;
    }

    /** @return the number of iterations run so far (the next iteration's number, from 0) */
    public long iteration() {
        return iteration;
    }

    /** Counts one finished iteration (which decides, with the meta interval, whether the next takes a meta step). */
    public void countIteration() {
        iteration++;
    }

    /**
     * The driver's step of the meta update: one Adam step on V.
     *
     * @param meanGradient the mean of the micro-batches' gradients of the meta loss with respect to theta
     * @param metaLr V's learning rate
     */
    public void stepTheta(Map<String, INDArray> meanGradient, double metaLr) {
        adam.step(theta, meanGradient, metaLr);
    }

    /**
     * The driver's step of the actual update: one SGD step on the classifier and BatchNorm's running averages
     * ({@link ClassifierUpdate}).
     *
     * @param meanGradients the mean of the micro-batches' classifier gradients (overwritten by the step)
     * @param meanStatistics the mean of their BatchNorm batch statistics, by running-buffer name
     * @param lr the classifier's learning rate
     */
    public void stepClassifier(Map<String, INDArray> meanGradients, Map<String, INDArray> meanStatistics, double lr) {
        ClassifierUpdate.apply(this, meanGradients, meanStatistics, lr);
    }

    /** @return the metrics of the epochs run so far */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }
}
