package org.mwnet.train;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.Splits;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.Evaluator;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One run's setup and its epochs, for {@link Trainer}: the classifier and V built for the data, the state (fresh, or
 * restored from a checked checkpoint), the method's iteration (and method ce's for the warm-up epochs), the batch
 * loaders and the evaluator. {@link #epoch}
 * runs one epoch's iterations, telling a listener of each, and evaluates: the evaluation makes the epoch's record
 * that listeners receive, so it is the run's own job, not a listener's.
 */
final class TrainingRun {
    final TrainConfig config;
    final Network net;
    final WeightNet vnet;
    final TrainingState state;
    final Evaluator evaluator;
    private final Iteration iteration;
    private final Iteration warmUp;
    private final MicroBatchLoader trainLoader;
    private final MicroBatchLoader finetuneLoader;
    private final Supplier<List<Batch>> metaBatches;
    private final Dataset selection;
    private final Dataset test;

    /**
     * Builds the run.
     *
     * @param config the run's configuration
     * @param network the classifier to train, or null for the configuration's model
     * @param initialClassifier its starting parameters, or null for a fresh initialisation
     * @param splits its data
     * @param test its test set (empty for none)
     * @param initialTheta V's starting parameters, or null for a fresh initialisation
     * @param resumed a checkpoint already checked against this run, or null to start afresh
     * @param iterations creates the method's iteration
     */
    TrainingRun(TrainConfig config, Network network, Parameters initialClassifier, Splits splits, Dataset test,
                Parameters initialTheta, Checkpoint.Saved resumed, MethodFactory iterations) {
        this.config = config;
        this.test = test;
        DataType dt = config.dataType();
        Dataset train = splits.train();
        Dataset meta = splits.meta();
        int[] shape = train.imageShape();
        long[] sampleShape = {shape[0], shape[1], shape[2]};
        this.net = network == null ? config.model().build(sampleShape, train.numClasses(), config.hidden())
                : fitting(network, sampleShape, train.numClasses());
        this.vnet = config.weightNet(train);
        Parameters theta = !config.method().learnsV() ? null
                : initialTheta != null ? initialTheta.castTo(dt) : vnet.init(config.weightNetSeed(), dt);
        this.state = TrainingState.initial(config, net, theta, meta.size(), dt);
        if (resumed != null) {
            Checkpoint.restore(resumed, state);
        } else if (initialClassifier != null) {
            state.classifier.load(initialClassifier.castTo(dt).asMap(), "the network's starting parameters");
        }
        this.iteration = iterations.create(config, net, vnet, dt);
        this.warmUp = config.warmupEpochs() > 0 ? iterations.create(config.warmUp(), net, vnet, dt) : null;
        int parts = config.accumulate();
        this.trainLoader = new MicroBatchLoader(train, parts, config.microBatch(), config.seed(), dt);
        this.finetuneLoader = new MicroBatchLoader(meta, parts, config.microBatch(), config.seed(), dt);
        List<BatchLoader> metaLoaders = IntStream.range(0, parts)
                .mapToObj(p -> new BatchLoader(meta, config.microMetaBatch(), dt)).toList();
        this.metaBatches = () -> IntStream.range(0, parts)
                .mapToObj(p -> metaLoaders.get(p).load(state.metaCycles.get(p).next())).toList();
        this.evaluator = new Evaluator(net, dt);
        // a run without a trusted set (a frozen V's) selects no epoch
        this.selection = splits.validation().size() > 0 ? splits.validation() : meta.size() > 0 ? meta : null;
    }

    private static Network fitting(Network net, long[] sampleShape, int classes) {
        if (!java.util.Arrays.equals(net.inputShape(), sampleShape) || net.numClasses() != classes) {
            throw new IllegalArgumentException("network '" + net.name() + "' takes samples "
                    + java.util.Arrays.toString(net.inputShape()) + " into " + net.numClasses() + " classes; the data "
                    + "has samples " + java.util.Arrays.toString(sampleShape) + " in " + classes + " classes");
        }
        return net;
    }

    /**
     * Runs one epoch's iterations and evaluates on the selection and test sets.
     *
     * @param epoch 0-based epoch of the run
     * @param listener told of the epoch's start and of each iteration
     * @return the epoch's record
     * @throws TrainingDivergedException when the listener (its {@link DivergenceCheck}) finds a loss not finite
     */
    EpochMetrics epoch(int epoch, TrainingListener listener) {
        long start = System.nanoTime();
        MicroBatchLoader loader = config.isFinetuning(epoch) ? finetuneLoader : trainLoader;
        int iterations = loader.iterationsPerEpoch();
        double lr = config.learningRate(epoch);
        Iteration current = config.isWarmingUp(epoch) ? warmUp : iteration;
        listener.onEpochStart(epoch, iterations);
        double lossSum = 0;
        double metaSum = 0;
        int metaCount = 0;
        long iterNanos = 0;
        for (int b = 0; b < iterations; b++) {
            List<Batch> micro = loader.load(epoch, b);
            long t = System.nanoTime();
            StepStats s = current.iterate(state, micro, metaBatches, lr);
            iterNanos += System.nanoTime() - t;
            state.countIteration();
            lossSum += s.trainLoss();
            if (s.metaLoss().isPresent()) {
                metaSum += s.metaLoss().getAsDouble();
                metaCount++;
            }
            listener.onIteration(epoch, b, s);
        }
        current.finishEpoch(state);
        return new EpochMetrics(epoch + 1, lr, lossSum / iterations, metaCount == 0 ? null : metaSum / metaCount,
                selection == null ? null : evaluator.accuracy(state.classifier, selection),
                test.size() == 0 ? null : evaluator.accuracy(state.classifier, test),
                (System.nanoTime() - start) / 1e9, iterNanos / 1e6 / iterations);
    }
}
