package org.mwnet.train;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;
import org.mwnet.meta.SampleWeighting;
import org.mwnet.meta.WeightNet;
import org.mwnet.meta.Weightings;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The shipped training methods, each building its graphs once, for the micro-batch sizes.
 *
 * <p><b>Micro-batches.</b> With {@link TrainConfig#accumulate} = P, an iteration's batch of n samples is P
 * micro-batches of b = n / P, micro-batch p from shard p of the training set ({@link org.mwnet.data.Shards}), and each
 * meta draw is P meta batches of m / P, micro-batch p's from its own stream ({@link org.mwnet.data.Batches.Cycle}).
 * The iteration is what P synchronous data-parallel workers compute, each on its own micro-batch, with a driver
 * averaging their gradients ({@link GradientAverage}) and taking the optimiser steps; with P = 1 it is exactly the
 * iteration without micro-batches.
 * <ul>
 * <li>mwnet, {@link #metaUpdate the meta update} (every {@code metaInterval} iterations): for each p, the one-graph
 * meta step on micro-batch p and its meta batch, at the current classifier and learning rate (its own look-ahead,
 * V's weights divided by b), gives grad_theta_p; one Adam step on theta with their mean. Then
 * {@link #actualUpdate the actual update}: for each p, the classifier gradient of micro-batch p's loss weighted by V
 * with the new theta; one SGD step (momentum, weight decay) with their mean.</li>
 * <li>ce, focal and finetune: the actual update alone, with fixed weights. The mean of the micro-batches' gradients is
 * the gradient of the whole batch's loss, up to rounding (for networks without BatchNorm).</li>
 * <li>l2rw: each micro-batch weights its samples from its own look-ahead, normalised to sum one within the
 * micro-batch, as a worker would; the actual update averages.</li>
 * <li>BatchNorm normalises each micro-batch with its own statistics, as each worker would; the running buffers move
 * by the mean of the micro-batches' statistics, which ends them at the mean of the buffers that each micro-batch's
 * own update would give.</li>
 * </ul>
 * The meta batch splits like the batch, so an iteration uses n training and m meta samples whatever P is, and more
 * workers divide an iteration's work instead of multiplying its meta part; with the default m = n each micro-batch's
 * meta batch is as large as the micro-batch, as in a run without micro-batches.
 *
 * <p>With {@link TrainConfig#syncEvery} the workers average parameters instead of gradients
 * ({@link ParameterAveraging}), on the same micro-batches and meta batches.
 */
public final class Methods {
    private Methods() {
    }

    /**
     * @param config the run's configuration (method, batch sizes, micro-batches, meta settings)
     * @param net the classifier
     * @param vnet the weighting network (used by mwnet)
     * @param dataType FLOAT or DOUBLE
     * @return the method
     * @throws IllegalArgumentException when its step would not fit in this machine's available memory
     */
    public static Iteration create(TrainConfig config, Network net, WeightNet vnet, DataType dataType) {
        MemoryBudget.check(net, Math.max(config.microBatch(), config.microMetaBatch()), config.takesMetaSteps(),
                dataType);
        if (config.method() == Method.L2RW) {
            return learningToReweight(config, net, dataType);
        }
        MicroBatchStep step = MicroBatchStep.create(config, net, vnet, dataType);
        return config.syncEvery() > 0 ? new ParameterAveraging(config, step) : synchronous(config, step);
    }

    /**
     * The iteration of mwnet, ce, focal and finetune, whose micro-batches are independent: the driver's part of it
     * (averaging in micro-batch order, Adam on V, SGD on the classifier), over micro-batch results computed in this
     * process ({@link MicroBatchStep}) or by data-parallel workers.
     * <ul>
     * <li>{@link #metaUpdate The meta update} (mwnet, every {@code metaInterval} iterations): the micro-batches' meta
     * gradients, each through its own look-ahead, then one Adam step on theta with their mean.</li>
     * <li>{@link #actualUpdate The actual update}: the micro-batches' classifier gradients under the new theta, then
     * one SGD step with their mean.</li>
     * </ul>
     *
     * @param config the run's configuration
     * @param parts computes the micro-batch results of each update
     * @return the method
     */
    public static Iteration synchronous(TrainConfig config, MicroBatchParts parts) {
        return (state, micro, meta, lr) -> {
            if (!parts.hasMetaStep() || !takesMetaStep(config, state.iteration)) {
                return StepStats.withoutMetaStep(actualUpdate(state, micro, parts.classifierGradients(state, micro),
                        lr));
            }
            double metaLoss = metaUpdate(config, state, parts.metaGradients(state, micro, meta.get(), lr),
                    micro.size());
            double trainLoss = actualUpdate(state, micro, parts.classifierGradients(state, micro), lr);
            return StepStats.withMetaStep(trainLoss, metaLoss);
        };
    }

    /**
     * Steps 1 and 2 of MW-Net, the look-ahead and the meta update: each micro-batch's meta-gradient through its own
     * look-ahead ({@link MetaStepGraph}), then one Adam step on theta with their mean.
     *
     * @param results computes micro-batch p's meta step
     * @param microBatches P
     * @return the mean meta loss over the micro-batches
     */
    private static double metaUpdate(TrainConfig config, TrainingState state, IntFunction<MetaStepGraph.Result> results,
                                     int microBatches) {
        GradientAverage thetaGradient = new GradientAverage(microBatches);
        double lossSum = 0;
        for (int p = 0; p < microBatches; p++) {
            MetaStepGraph.Result r = results.apply(p);
            thetaGradient.add(r.gradients());
            lossSum += r.metaLoss();
        }
        state.stepTheta(thetaGradient.mean(), config.metaLr());
        return lossSum / microBatches;
    }

    /**
     * @param config the run's configuration
     * @param iteration an iteration's number
     * @return whether a method that learns V steps it in that iteration: every {@code metaInterval} iterations
     */
    public static boolean takesMetaStep(TrainConfig config, long iteration) {
        return iteration % config.metaInterval() == 0;
    }

    /**
     * Learning to Reweight (Ren et al. 2018): per-sample epsilons (zero) weight the look-ahead; the weights are the
     * negative meta-gradient with respect to them, clamped at zero and normalised to sum one.
     */
    private static Iteration learningToReweight(TrainConfig config, Network net, DataType dataType) {
        SampleWeighting weighting = Weightings.explicit();
        MetaStepGraph metaStep = new MetaStepGraph(net, weighting, config.microBatch(), config.microMetaBatch(),
                dataType, config.lookAhead());
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, config.microBatch(), dataType);
        Parameters epsilons = Parameters.init(weighting.params(config.microBatch()), 0, dataType);
        List<Parameters> weights = IntStream.range(0, config.accumulate()).mapToObj(p -> epsilons.copy()).toList();
        return (state, micro, meta, lr) -> {
            List<Batch> metaBatches = meta.get();
            double metaLossSum = 0;
            for (int p = 0; p < micro.size(); p++) {
                Batch train = micro.get(p);
                Batch m = metaBatches.get(p);
                MetaStepGraph.Result r = metaStep.step(state.classifier, epsilons, train.images(), train.labels(),
                        m.images(), m.labels(), lr);
                INDArray w = Transforms.relu(r.gradients().get(Weightings.SAMPLE_WEIGHTS).neg(), false);
                double sum = w.sumNumber().doubleValue();
                weights.get(p).get(Weightings.SAMPLE_WEIGHTS).assign(sum > 0 ? w.divi(sum) : w);
                metaLossSum += r.metaLoss();
            }
            double trainLoss = actualUpdate(state, micro,
                    p -> update.run(state.classifier, weights.get(p), micro.get(p).images(), micro.get(p).labels()), lr);
            return StepStats.withMetaStep(trainLoss, metaLossSum / micro.size());
        };
    }

    /**
     * Step 3, the actual update, of every method: each micro-batch's classifier gradient under its weighting (for
     * MW-Net, V with the theta of the meta update), then one SGD step with their mean (and the mean of their
     * BatchNorm statistics).
     *
     * @param gradientOf computes micro-batch p's classifier gradient
     * @return the mean training loss over the micro-batches
     */
    private static double actualUpdate(TrainingState state, List<Batch> micro,
                                         IntFunction<ClassifierStepGraph.Result> gradientOf, double lr) {
        GradientAverage gradients = new GradientAverage(micro.size());
        GradientAverage statistics = new GradientAverage(micro.size());
        double lossSum = 0;
        for (int p = 0; p < micro.size(); p++) {
            ClassifierStepGraph.Result r = gradientOf.apply(p);
            gradients.add(r.gradients());
            statistics.add(r.batchStatistics());
            lossSum += r.meanLoss();
        }
        state.stepClassifier(gradients.mean(), statistics.mean(), lr);
        return lossSum / micro.size();
    }
}
