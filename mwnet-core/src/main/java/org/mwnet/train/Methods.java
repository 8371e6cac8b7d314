package org.mwnet.train;

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

/** The shipped training methods, each building its graphs once. */
public final class Methods {
    private Methods() {
    }

    /**
     * @param config the run's configuration (method, batch sizes, meta settings)
     * @param net the classifier
     * @param vnet the weighting network (used by mwnet)
     * @param dataType FLOAT or DOUBLE
     * @return the method
     * @throws IllegalArgumentException when its step would not fit in this machine's available memory
     */
    public static Method create(TrainConfig config, Network net, WeightNet vnet, DataType dataType) {
        boolean metaStep = config.method().equals("mwnet") || config.method().equals("l2rw");
        MemoryBudget.check(net, Math.max(config.batch(), config.metaBatch()), metaStep, dataType);
        return switch (config.method()) {
            case "ce", "finetune" -> plain(net, Weightings.uniform(), config.batch(), dataType);
            case "focal" -> plain(net, Weightings.focal(config.focalGamma()), config.batch(), dataType);
            case "mwnet" -> metaWeightNet(config, net, vnet, dataType);
            case "l2rw" -> learningToReweight(config, net, dataType);
            default -> throw new IllegalArgumentException("unknown method '" + config.method() + "'");
        };
    }

    /** A fixed weighting (mean cross-entropy, focal): one forward-only update per iteration. */
    private static Method plain(Network net, SampleWeighting weighting, int batch, DataType dataType) {
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, batch, dataType);
        return (state, train, meta, lr) -> {
            ClassifierStepGraph.Result r = update.run(state.classifier, null, train.images(), train.labels());
            ClassifierUpdate.apply(state, r, lr);
            return StepStats.withoutMetaStep(r.meanLoss());
        };
    }

    /**
     * Meta-Weight-Net (Shu et al. 2019): every k iterations the one-graph meta step gives grad_theta and Adam updates
     * V; then the classifier takes an SGD step on the loss weighted by the updated V.
     */
    private static Method metaWeightNet(TrainConfig config, Network net, WeightNet vnet, DataType dataType) {
        SampleWeighting weighting = Weightings.learned(vnet, config.normalizeWeights());
        MetaStepGraph metaStep = new MetaStepGraph(net, weighting, config.batch(), config.metaBatch(), dataType);
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, config.batch(), dataType);
        return (state, train, meta, lr) -> {
            MetaStepGraph.Result step = null;
            if (state.iteration % config.metaInterval() == 0) {
                Batch m = meta.get();
                step = metaStep.step(state.classifier, state.theta, train.images(), train.labels(),
                        m.images(), m.labels(), lr);
                state.adam.step(state.theta, step.gradients(), config.metaLr());
            }
            ClassifierStepGraph.Result r = update.run(state.classifier, state.theta, train.images(), train.labels());
            ClassifierUpdate.apply(state, r, lr);
            return step == null ? StepStats.withoutMetaStep(r.meanLoss())
                    : StepStats.withMetaStep(r.meanLoss(), step.metaLoss());
        };
    }

    /**
     * Learning to Reweight (Ren et al. 2018): per-sample epsilons (zero) weight the look-ahead; the weights are the
     * negative meta-gradient with respect to them, clamped at zero and normalised to sum one.
     */
    private static Method learningToReweight(TrainConfig config, Network net, DataType dataType) {
        SampleWeighting weighting = Weightings.explicit();
        MetaStepGraph metaStep = new MetaStepGraph(net, weighting, config.batch(), config.metaBatch(), dataType);
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, config.batch(), dataType);
        Parameters epsilons = Parameters.init(weighting.params(config.batch()), 0, dataType);
        Parameters weights = epsilons.copy();
        return (state, train, meta, lr) -> {
            Batch m = meta.get();
            MetaStepGraph.Result r = metaStep.step(state.classifier, epsilons, train.images(), train.labels(),
                    m.images(), m.labels(), lr);
            INDArray w = Transforms.relu(r.gradients().get(Weightings.SAMPLE_WEIGHTS).neg(), false);
            double sum = w.sumNumber().doubleValue();
            weights.get(Weightings.SAMPLE_WEIGHTS).assign(sum > 0 ? w.divi(sum) : w);
            ClassifierStepGraph.Result u = update.run(state.classifier, weights, train.images(), train.labels());
            ClassifierUpdate.apply(state, u, lr);
            return StepStats.withMetaStep(u.meanLoss(), r.metaLoss());
        };
    }
}
