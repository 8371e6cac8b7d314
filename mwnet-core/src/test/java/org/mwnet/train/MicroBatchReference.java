package org.mwnet.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.Seeds;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;
import org.mwnet.meta.SampleWeighting;
import org.mwnet.meta.WeightNet;
import org.mwnet.meta.Weightings;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MW-Net iterations over P micro-batches computed from their documented definitions ({@link Methods},
 * {@link org.mwnet.data.Shards}, {@link org.mwnet.data.Batches.Cycle}) rather than through the code that implements
 * them: it names the random streams itself, draws every micro-batch and meta batch, runs the two graphs once per
 * micro-batch, averages the gradients by hand (each divided by P, then summed: another rounding than the trainer's)
 * and steps Adam and SGD. Any runner of micro-batches, in one process or spread over workers, must end where this
 * ends.
 */
public final class MicroBatchReference {
    private MicroBatchReference() {
    }

    /**
     * Where the reference ends.
     *
     * @param classifier the classifier's parameters and BatchNorm buffers
     * @param theta V's parameters
     */
    public record Result(Parameters classifier, Parameters theta) {
    }

    /**
     * Runs mwnet from the trainer's initial state.
     *
     * @param config an mwnet configuration
     * @param train the training set
     * @param meta the meta set
     * @param iterations iterations to run, counted over the training epochs (each epoch at its learning rate)
     * @return the parameters after them
     */
    public static Result mwnet(TrainConfig config, Dataset train, Dataset meta, int iterations) {
        DataType dt = config.dataType();
        int parts = config.accumulate();
        int b = config.batch() / parts;
        int mb = config.metaBatch() / parts;
        int[] shape = train.imageShape();
        Network net = config.model().build(new long[] {shape[0], shape[1], shape[2]}, train.numClasses(),
                config.hidden());
        WeightNet vnet = new WeightNet(config.vHidden());
        Parameters w = net.init(config.seed(), dt);
        Parameters theta = vnet.init(config.seed() + 1, dt);
        SampleWeighting weighting = Weightings.learned(vnet, config.normalizeWeights());
        MetaStepGraph metaStep = new MetaStepGraph(net, weighting, b, mb, dt);
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, b, dt);
        Adam adam = new Adam(config.metaWeightDecay());
        SgdMomentum sgd = new SgdMomentum(config.momentum(), config.weightDecay());
        BatchLoader trainLoader = new BatchLoader(train, b, dt);
        BatchLoader metaLoader = new BatchLoader(meta, mb, dt);
        int perEpoch = train.size() / parts / b;
        for (int t = 0; t < iterations; t++) {
            int epoch = t / perEpoch;
            int j = t % perEpoch;
            double lr = config.learningRate(epoch);
            if (t % config.metaInterval() == 0) {
                long draw = t / config.metaInterval();
                Map<String, INDArray> thetaGradient = new HashMap<>();
                for (int p = 0; p < parts; p++) {
                    Batch x = trainLoader.load(microBatch(train.size(), parts, p, b, config.seed(), epoch, j));
                    Batch m = metaLoader.load(metaBatch(meta.size(), mb, config.seed(), draw, p, parts));
                    MetaStepGraph.Result r = metaStep.step(w, theta, x.images(), x.labels(), m.images(), m.labels(), lr);
                    addShare(thetaGradient, r.gradients(), parts);
                }
                adam.step(theta, thetaGradient, config.metaLr());
            }
            Map<String, INDArray> gradient = new HashMap<>();
            Map<String, INDArray> statistics = new HashMap<>();
            for (int p = 0; p < parts; p++) {
                Batch x = trainLoader.load(microBatch(train.size(), parts, p, b, config.seed(), epoch, j));
                ClassifierStepGraph.Result r = update.run(w, theta, x.images(), x.labels());
                addShare(gradient, r.gradients(), parts);
                addShare(statistics, r.batchStatistics(), parts);
            }
            sgd.step(w, gradient, lr);
            statistics.forEach((buffer, s) -> w.get(buffer).muli(1 - ClassifierUpdate.BN_MOMENTUM)
                    .addi(s.mul(ClassifierUpdate.BN_MOMENTUM)));
        }
        return new Result(w, theta);
    }

    /**
     * Runs mwnet with parameter averaging ({@link ParameterAveraging}) from the trainer's initial state: P workers,
     * each with its own classifier, V, Adam and SGD, each iteration taking the whole mwnet step on its own micro-batch
     * and meta batch (the streams of {@link #mwnet}), averaged by hand (each divided by P, then summed) after every
     * k iterations of an epoch and at its end.
     *
     * @param config an mwnet configuration with {@link TrainConfig#syncEvery} k
     * @param train the training set
     * @param meta the meta set
     * @param epochs epochs to run
     * @return the averaged parameters after them
     */
    public static Result parameterAveraging(TrainConfig config, Dataset train, Dataset meta, int epochs) {
        DataType dt = config.dataType();
        int parts = config.accumulate();
        int b = config.batch() / parts;
        int mb = config.metaBatch() / parts;
        int[] shape = train.imageShape();
        Network net = config.model().build(new long[] {shape[0], shape[1], shape[2]}, train.numClasses(),
                config.hidden());
        WeightNet vnet = new WeightNet(config.vHidden());
        SampleWeighting weighting = Weightings.learned(vnet, config.normalizeWeights());
        MetaStepGraph metaStep = new MetaStepGraph(net, weighting, b, mb, dt);
        ClassifierStepGraph update = new ClassifierStepGraph(net, weighting, b, dt);
        BatchLoader trainLoader = new BatchLoader(train, b, dt);
        BatchLoader metaLoader = new BatchLoader(meta, mb, dt);
        Parameters[] w = new Parameters[parts];
        Parameters[] theta = new Parameters[parts];
        Adam[] adam = new Adam[parts];
        SgdMomentum[] sgd = new SgdMomentum[parts];
        for (int p = 0; p < parts; p++) {
            w[p] = net.init(config.seed(), dt);
            theta[p] = vnet.init(config.seed() + 1, dt);
            adam[p] = new Adam(config.metaWeightDecay());
            sgd[p] = new SgdMomentum(config.momentum(), config.weightDecay());
        }
        int perEpoch = train.size() / parts / b;
        long t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double lr = config.learningRate(epoch);
            for (int j = 0; j < perEpoch; j++, t++) {
                for (int p = 0; p < parts; p++) {
                    Batch x = trainLoader.load(microBatch(train.size(), parts, p, b, config.seed(), epoch, j));
                    if (t % config.metaInterval() == 0) {
                        Batch m = metaLoader.load(metaBatch(meta.size(), mb, config.seed(), t / config.metaInterval(),
                                p, parts));
                        adam[p].step(theta[p], metaStep.step(w[p], theta[p], x.images(), x.labels(), m.images(),
                                m.labels(), lr).gradients(), config.metaLr());
                    }
                    ClassifierStepGraph.Result r = update.run(w[p], theta[p], x.images(), x.labels());
                    sgd[p].step(w[p], r.gradients(), lr);
                    Parameters own = w[p];
                    r.batchStatistics().forEach((buffer, s) -> own.get(buffer)
                            .muli(1 - ClassifierUpdate.BN_MOMENTUM).addi(s.mul(ClassifierUpdate.BN_MOMENTUM)));
                }
                if ((j + 1) % config.syncEvery() == 0 || j == perEpoch - 1) {
                    averageInPlace(w, Parameters::asMap);
                    averageInPlace(theta, Parameters::asMap);
                    averageInPlace(sgd, SgdMomentum::state);
                    Map<String, INDArray> moments = new HashMap<>();
                    for (Adam a : adam) {
                        addShare(moments, a.state(), parts);
                    }
                    for (Adam a : adam) {
                        a.restore(moments, a.steps());
                    }
                }
            }
        }
        return new Result(w[0], theta[0]);
    }

    /** Sets every worker's arrays to the sum of their shares (each divided by P). */
    private static <T> void averageInPlace(T[] workers, java.util.function.Function<T, Map<String, INDArray>> arrays) {
        Map<String, INDArray> mean = new HashMap<>();
        for (T worker : workers) {
            addShare(mean, arrays.apply(worker), workers.length);
        }
        for (T worker : workers) {
            mean.forEach((name, v) -> arrays.apply(worker).get(name).assign(v));
        }
    }

    /**
     * Micro-batch p of an epoch's iteration j: samples {@code i mod P == p}, permuted by the stream named
     * {@code epoch-<e>} (P = 1) or {@code epoch-<e>/part-<p>-of-<P>}, positions {@code [j b, (j + 1) b)}.
     *
     * @param size training set size
     * @param parts P
     * @param p the micro-batch
     * @param b micro-batch size
     * @param seed the run's seed
     * @param epoch the epoch
     * @param j the iteration within it
     * @return the sample indices
     */
    public static int[] microBatch(int size, int parts, int p, int b, long seed, int epoch, int j) {
        int[] members = IntStream.range(0, size).filter(i -> i % parts == p).toArray();
        String name = parts == 1 ? "epoch-" + epoch : "epoch-" + epoch + "/part-" + p + "-of-" + parts;
        Seeds.shuffle(members, Seeds.stream(seed, name));
        return Arrays.copyOfRange(members, j * b, (j + 1) * b);
    }

    /**
     * Micro-batch p's meta batch at the run's k-th meta draw: with {@code q = floor(size / mb)} batches per
     * permutation, positions {@code [(k mod q) mb, (k mod q + 1) mb)} of the meta set permuted by the stream named
     * {@code meta-pass-<k / q>} (P = 1) or {@code meta-pass-<k / q>/part-<p>-of-<P>}.
     *
     * @param size meta set size
     * @param mb meta samples per micro-batch
     * @param seed the run's seed
     * @param draw k
     * @param p the micro-batch
     * @param parts P
     * @return the meta sample indices
     */
    public static int[] metaBatch(int size, int mb, long seed, long draw, int p, int parts) {
        int perPass = size / mb;
        long pass = draw / perPass;
        int[] order = IntStream.range(0, size).toArray();
        String name = parts == 1 ? "meta-pass-" + pass : "meta-pass-" + pass + "/part-" + p + "-of-" + parts;
        Seeds.shuffle(order, Seeds.stream(seed, name));
        int at = (int) (draw % perPass) * mb;
        return Arrays.copyOfRange(order, at, at + mb);
    }

    private static void addShare(Map<String, INDArray> sum, Map<String, INDArray> part, int parts) {
        part.forEach((name, v) -> sum.merge(name, v.div(parts), INDArray::add));
    }
}
