package org.mwnet.train;

import java.util.List;
import java.util.function.IntFunction;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;
import org.mwnet.meta.SampleWeighting;
import org.mwnet.meta.WeightNet;
import org.mwnet.meta.Weightings;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What one micro-batch contributes to an iteration of the methods whose micro-batches are independent (mwnet, ce,
 * focal, finetune), with the graphs built once: the meta update's meta gradient and the actual update's classifier
 * gradient ({@link Methods}). The single-process trainer runs it for each micro-batch in turn; a data-parallel worker
 * runs it on its own, so both compute the same numbers. Not thread-safe: the graphs reuse their arrays.
 */
public final class MicroBatchStep implements MicroBatchParts {
    private final MetaStepGraph metaStep;
    private final ClassifierStepGraph update;

    private MicroBatchStep(MetaStepGraph metaStep, ClassifierStepGraph update) {
        this.metaStep = metaStep;
        this.update = update;
    }

    /**
     * Builds the graphs for the configuration's micro-batch sizes.
     *
     * @param config the run's configuration: a method whose micro-batches are independent (with a frozen V, mwnet and
     *     cmwnet take no meta step)
     * @param net the classifier
     * @param vnet the weighting network (used by mwnet)
     * @param dataType FLOAT or DOUBLE
     * @return the step
     * @throws IllegalArgumentException for method l2rw, whose actual update needs each micro-batch's own look-ahead's
     *     weights
     */
    public static MicroBatchStep create(TrainConfig config, Network net, WeightNet vnet, DataType dataType) {
        return switch (config.method()) {
            case CE, FINETUNE -> plain(config, net, Weightings.uniform(), dataType);
            case FOCAL -> plain(config, net, Weightings.focal(config.focalGamma()), dataType);
            case MWNET, CMWNET -> {
                SampleWeighting weighting = Weightings.learned(vnet, config.normalizeWeights());
                if (config.freezeV()) {
                    yield plain(config, net, weighting, dataType);
                }
                yield new MicroBatchStep(new MetaStepGraph(net, weighting, config.microBatch(),
                        config.microMetaBatch(), dataType, config.lookAhead()), new ClassifierStepGraph(net, weighting,
                        config.microBatch(), dataType));
            }
            case L2RW -> throw new IllegalArgumentException("method " + config.method() + " has no independent "
                    + "micro-batch step; expected one of " + Method.names(Method::independentMicroBatches));
        };
    }

    private static MicroBatchStep plain(TrainConfig config, Network net, SampleWeighting weighting, DataType dt) {
        return new MicroBatchStep(null, new ClassifierStepGraph(net, weighting, config.microBatch(), dt));
    }

    @Override
    public boolean hasMetaStep() {
        return metaStep != null;
    }

    /** Each micro-batch's meta gradient, computed in this process when asked for, at the state's parameters. */
    @Override
    public IntFunction<MetaStepGraph.Result> metaGradients(TrainingState state, List<Batch> micro, List<Batch> meta,
                                                           double lr) {
        return p -> metaGradient(state.classifier(), state.theta(), micro.get(p), meta.get(p), lr);
    }

    /** Each micro-batch's classifier gradient, computed in this process when asked for, at the state's parameters. */
    @Override
    public IntFunction<ClassifierStepGraph.Result> classifierGradients(TrainingState state, List<Batch> micro) {
        return p -> classifierGradient(state.classifier(), state.theta(), micro.get(p));
    }

    /**
     * Phase 1 on one micro-batch: the one-graph meta step with its own look-ahead.
     *
     * @param classifier the classifier's current parameters
     * @param theta V's current parameters
     * @param train the micro-batch
     * @param meta its meta batch
     * @param lr the classifier's learning rate (the look-ahead's step)
     * @return the meta loss and the gradient with respect to theta (arrays reused by the next call)
     */
    public MetaStepGraph.Result metaGradient(Parameters classifier, Parameters theta, Batch train, Batch meta,
                                             double lr) {
        return metaStep.step(classifier, theta, train.images(), train.labels(), meta.images(), meta.labels(), lr);
    }

    /**
     * Phase 2 on one micro-batch: the classifier's gradient of the weighted loss.
     *
     * @param classifier the classifier's current parameters
     * @param theta V's parameters after the meta update (mwnet), or null for a fixed weighting
     * @param train the micro-batch
     * @return gradients, BatchNorm statistics and losses (arrays reused by the next call)
     */
    public ClassifierStepGraph.Result classifierGradient(Parameters classifier, Parameters theta, Batch train) {
        return update.run(classifier, theta, train.images(), train.labels());
    }
}
