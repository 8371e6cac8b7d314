package org.mwnet.spark;

import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaRDD;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;
import org.mwnet.nn.FlatArrays;
import org.mwnet.train.Batch;
import org.mwnet.train.MicroBatchParts;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainingState;

/**
 * The micro-batch results of an iteration, computed by P Spark workers: one job per phase over the cached RDD of
 * shards, one task per worker, whose results come back to the driver with {@code collect}, in partition order.
 *
 * <p>Why collect and not Spark's {@code treeAggregate} (or {@code reduce}): those merge partial sums in the order
 * tasks finish, and float addition is not associative, so the bits of the average would depend on timing. Summing
 * the P results on the driver in partition order ({@link org.mwnet.train.GradientAverage}) gives exactly the bits
 * of the single-process run with {@code --accumulate P}, at the cost of P gradient transfers to the driver
 * instead of one per tree level: small for the P of a few machines. Why not barrier execution: it gang-schedules
 * the P tasks for all-reduce among themselves, which the driver-side update does not need, and it retries a
 * failed task only by rerunning the whole stage. Each iteration takes two jobs, because the actual update needs the
 * theta that the meta update's average gives.
 */
final class SparkParts implements MicroBatchParts {
    private final JavaRDD<Shard> shards;
    private final String run;
    private final TrainConfig config;
    private final boolean metaStep;
    private InjectedFailure failure;

    /**
     * @param shards the cached RDD of the P shards, one per partition, in order
     * @param run the run's identity
     * @param config the run's configuration
     * @param metaStep whether the run takes meta steps (a method that learns V, its V not frozen)
     */
    SparkParts(JavaRDD<Shard> shards, String run, TrainConfig config, boolean metaStep) {
        this.shards = shards;
        this.run = run;
        this.config = config;
        this.metaStep = metaStep;
    }

    /** @param f a test's injected failure */
    void inject(InjectedFailure f) {
        this.failure = f;
    }

    @Override
    public boolean hasMetaStep() {
        return metaStep;
    }

    @Override
    public IntFunction<MetaStepGraph.Result> metaGradients(TrainingState state, List<Batch> micro, List<Batch> meta,
                                                           double lr) {
        List<PartResult> parts = collect(shards, phase(state, micro, indices(meta), lr));
        return p -> parts.get(p).metaResult();
    }

    @Override
    public IntFunction<ClassifierStepGraph.Result> classifierGradients(TrainingState state, List<Batch> micro) {
        List<PartResult> parts = collect(shards, phase(state, micro, null, 0));
        return p -> parts.get(p).classifierResult();
    }

    private Phase phase(TrainingState state, List<Batch> micro, int[][] meta, double lr) {
        return new Phase(run, config, state.iteration(), FlatArrays.of(state.classifier().asMap()),
                state.theta() == null ? null : FlatArrays.of(state.theta().asMap()), indices(micro), meta, lr,
                failure);
    }

    private static int[][] indices(List<Batch> batches) {
        return batches.stream().map(Batch::indices).toArray(int[][]::new);
    }

    /** Runs a phase on every worker; static, so that the task's closure holds the phase and nothing else. */
    private static List<PartResult> collect(JavaRDD<Shard> shards, Phase phase) {
        return shards.mapPartitions((Iterator<Shard> it) -> {
            Shard shard = it.next();
            if (phase.failure() != null) {
                phase.failure().maybeFail(phase.iteration(), shard.index(), () -> { });
            }
            return List.of(WorkerCache.of(phase.run(), phase.config(), shard).run(phase)).iterator();
        }).collect();
    }
}
