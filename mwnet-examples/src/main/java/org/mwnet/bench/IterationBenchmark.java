package org.mwnet.bench;

import java.util.List;
import java.util.function.Supplier;
import org.mwnet.backend.BackendInfo;
import org.mwnet.data.Batches;
import org.mwnet.data.Dataset;
import org.mwnet.data.SyntheticImages;
import org.mwnet.meta.WeightNet;
import org.mwnet.natives.ProcessMemory;
import org.mwnet.nn.Model;
import org.mwnet.nn.Network;
import org.mwnet.train.Batch;
import org.mwnet.train.BatchLoader;
import org.mwnet.train.Iteration;
import org.mwnet.train.Method;
import org.mwnet.train.MemoryBudget;
import org.mwnet.train.Methods;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainingState;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures the training iteration exactly as the trainer runs it ({@link Methods}), on synthetic data of the model's
 * input shape: ms per MW-Net iteration, ms per cross-entropy step, and images per second over an epoch of batches
 * loaded from a dataset.
 */
public final class IterationBenchmark {
    /**
     * What to measure.
     *
     * @param model mlp, lenet or resnet32
     * @param hidden MLP hidden width or ResNet base width
     * @param batch batch size
     * @param warmup untimed iterations first
     * @param repeats timed repetitions
     * @param iters iterations per repetition
     * @param epochIters iterations of the images-per-second run (0: none)
     * @param metaInterval the MW-Net iteration's meta step every k iterations ({@link TrainConfig#metaInterval});
     *     warm-up and timed iterations are whole cycles of k, so a time is the mean over whole cycles
     * @param metaLayers which layers the look-ahead moves ({@link TrainConfig#metaLayers})
     * @param method the meta-learning method whose iteration is measured: mwnet, or cmwnet (class-aware V)
     */
    public record Settings(String model, int hidden, int batch, int warmup, int repeats, int iters, int epochIters,
                           int metaInterval, String metaLayers, Method method) {
        /** Rounds the warm-up and the timed iterations up to whole cycles of the meta interval. */
        public Settings {
            if (!method.learnsV()) {
                throw new IllegalArgumentException("the benchmark measures a method that learns V ("
                        + Method.listed(Method::learnsV) + ") beside ce, not " + method);
            }
            if (metaInterval < 1) {
                throw new IllegalArgumentException("meta interval must be at least 1, got " + metaInterval);
            }
            warmup = wholeCycles(warmup, metaInterval);
            iters = wholeCycles(iters, metaInterval);
        }

        private static int wholeCycles(int iterations, int k) {
            return (iterations + k - 1) / k * k;
        }

        /**
         * @param method the settings' method, or ce for the step it is compared with
         * @return the configuration these settings measure (checked as a training run's would be)
         */
        TrainConfig config(Method method) {
            TrainConfig.Builder b = new TrainConfig.Builder().model(model).hidden(hidden).method(method).batch(batch)
                    .metaBatch(batch);
            return method.hasMetaStep() ? b.metaInterval(metaInterval).metaLayers(metaLayers).build() : b.build();
        }
    }

    private static final long MIB = 1L << 20;

    private IterationBenchmark() {
    }

    /**
     * @param s the settings
     * @return the network they measure (10 classes)
     * @throws IllegalArgumentException when the model cannot take them, or a meta step would not fit in memory
     */
    public static Network network(Settings s) {
        s.config(s.method());
        Model model = Model.of(s.model());
        Network net = model.build(model.defaultInputShape(), 10, s.hidden());
        MemoryBudget.check(net, s.batch(), true, DataType.FLOAT);
        return net;
    }

    /**
     * @param s the settings
     * @param threads the ND4J thread count in force (recorded)
     * @param matmulGflops the backend's matrix-product GFLOP/s (recorded)
     * @return the record
     */
    public static BenchRecord run(Settings s, int threads, double matmulGflops) {
        ProcessMemory.resetPeak();
        Model model = Model.of(s.model());
        long[] shape = model.defaultInputShape();
        // the settings were checked with network(s) before measuring; Methods.create checks the meta step again
        Network net = model.build(shape, 10, s.hidden());
        int n = Math.max(s.epochIters(), 1) * s.batch();
        Dataset data = SyntheticImages.gaussian(n, 10, (int) shape[0], (int) shape[1], 1);
        Timing.Result mwnet = time(s.method(), net, s, data);
        Timing.Result ce = time(Method.CE, net, s, data);
        Double imagesPerS = s.epochIters() > 0 ? epochThroughput(net, s, data) : null;
        double flops = Flops.perMwnetIteration(net, s.batch());
        return new BenchRecord(s.model(), s.hidden(), s.batch(), s.metaInterval(), s.metaLayers(),
                s.method().toString(), threads,
                BackendInfo.live().backend(), mwnet.medianMs(), new double[] {mwnet.minMs(), mwnet.maxMs()},
                ce.medianMs(), new double[] {ce.minMs(), ce.maxMs()}, imagesPerS, s.epochIters(), flops,
                flops / mwnet.medianMs() / 1e6, matmulGflops,
                ProcessMemory.peakResidentBytes().orElse(-MIB) / (double) MIB, Pointer.totalBytes() / (double) MIB,
                BackendInfo.live(), null);
    }

    /** A ready-to-iterate method with its state and one training and one meta batch. */
    private record Loop(Iteration method, TrainingState state, List<Batch> train, Supplier<List<Batch>> meta) {
        static Loop of(Method method, Network net, Settings s, Dataset data) {
            TrainConfig c = s.config(method);
            WeightNet vnet = c.weightNet(data);
            TrainingState state = TrainingState.initial(c, net, vnet.init(c.weightNetSeed(), DataType.FLOAT), data.size(), DataType.FLOAT);
            int[] first = java.util.stream.IntStream.range(0, s.batch()).toArray();
            Batch train = copy(new BatchLoader(data, s.batch(), DataType.FLOAT).load(first));
            BatchLoader metaLoader = new BatchLoader(data, s.batch(), DataType.FLOAT);
            Batches.Cycle cycle = new Batches.Cycle(data.size(), s.batch(), 3);
            return new Loop(Methods.create(c, net, vnet, DataType.FLOAT), state, List.of(train),
                    () -> List.of(metaLoader.load(cycle.next())));
        }

        void once(double lr) {
            iterate(train, lr);
        }

        void iterate(List<Batch> batch, double lr) {
            method.iterate(state, batch, meta, lr);
            state.countIteration();
        }
    }

    private static Batch copy(Batch b) {
        INDArray images = b.images().dup();
        INDArray labels = b.labels().dup();
        return new Batch(images, labels, b.indices().clone());
    }

    private static Timing.Result time(Method method, Network net, Settings s, Dataset data) {
        Loop loop = Loop.of(method, net, s, data);
        // a tiny learning rate keeps the weights where they started, so every timed iteration does the same work
        return Timing.measure(() -> loop.once(1e-6), s.warmup(), s.repeats(), s.iters());
    }

    private static double epochThroughput(Network net, Settings s, Dataset data) {
        Loop loop = Loop.of(s.method(), net, s, data);
        BatchLoader loader = new BatchLoader(data, s.batch(), DataType.FLOAT);
        int[][] batches = Batches.epoch(data.size(), s.batch(), 1, 0);
        for (int i = 0; i < Math.min(s.warmup(), batches.length); i++) {
            loop.iterate(List.of(loader.load(batches[i])), 1e-6);
        }
        long t = System.nanoTime();
        for (int[] b : batches) {
            loop.iterate(List.of(loader.load(b)), 1e-6);
        }
        Nd4j.getExecutioner().commit();
        return (double) batches.length * s.batch() / ((System.nanoTime() - t) / 1e9);
    }
}
