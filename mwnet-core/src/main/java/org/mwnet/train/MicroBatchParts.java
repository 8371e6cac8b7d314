package org.mwnet.train;

import java.util.List;
import java.util.function.IntFunction;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;

/**
 * Where an iteration's micro-batch results come from, for {@link Methods#synchronous}: this process
 * ({@link MicroBatchStep}) or P data-parallel workers. Either way result p is what {@link MicroBatchStep} computes on
 * micro-batch p at the state's current parameters; the driver asks for them in micro-batch order, and adds each
 * before asking for the next (a result's arrays may be reused by the next).
 */
public interface MicroBatchParts {
    /** @return whether the method learns V in a meta update (mwnet) */
    boolean hasMetaStep();

    /**
     * @param state the run's state, at the iteration's start
     * @param micro the iteration's micro-batches
     * @param meta their meta batches, in the same order
     * @param lr the classifier's learning rate
     * @return micro-batch p's meta loss and gradient with respect to theta, by p
     */
    IntFunction<MetaStepGraph.Result> metaGradients(TrainingState state, List<Batch> micro, List<Batch> meta, double lr);

    /**
     * @param state the run's state, after the meta update
     * @param micro the iteration's micro-batches
     * @return micro-batch p's classifier gradients, BatchNorm statistics and losses, by p
     */
    IntFunction<ClassifierStepGraph.Result> classifierGradients(TrainingState state, List<Batch> micro);
}
