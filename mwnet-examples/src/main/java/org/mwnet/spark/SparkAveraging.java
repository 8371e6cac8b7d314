package org.mwnet.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mwnet.train.Batch;
import org.mwnet.train.Iteration;
import org.mwnet.train.Methods;
import org.mwnet.train.StateArrays;
import org.mwnet.train.StepStats;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainingState;

/**
 * Parameter averaging ({@link org.mwnet.train.ParameterAveraging}) on P Spark workers, computing what it computes in
 * one process: each worker keeps its replica on its executor across iterations, and the driver's state is the mean
 * of the replicas after every window of {@link TrainConfig#syncEvery} iterations and at the end of every epoch.
 *
 * <p>One job per iteration, one task per worker ({@link WindowStep}): the task advances the worker's replica by that
 * iteration and returns only its losses, except at a window's end, where it returns the replica, and the driver
 * averages them in partition order. A window's starting state travels once, as a broadcast; each task carries the
 * batch indices of the window so far, so that a worker whose replica is lost, or is not at the previous iteration
 * after a failed attempt, rebuilds it from the broadcast and replays them, and a retried task gives the same result.
 * One task per iteration rather than per window keeps the trainer's iteration (its losses, progress and divergence
 * checks) as it is, and an epoch that ends inside a window asks the workers for their replicas with one more job that
 * runs no iteration.
 */
final class SparkAveraging implements Iteration {
    private final JavaSparkContext context;
    private final JavaRDD<Shard> shards;
    private final String run;
    private final TrainConfig config;
    private final boolean metaStep;
    private final List<int[][]> train = new ArrayList<>();
    private final List<int[][]> meta = new ArrayList<>();
    private final List<Double> lr = new ArrayList<>();
    private Broadcast<FlatState> start;
    private long window;
    private InjectedFailure failure;

    /**
     * @param context the run's Spark context
     * @param shards the cached RDD of the P shards, one per partition, in order
     * @param run the run's identity
     * @param config the run's configuration, with {@link TrainConfig#syncEvery} at least 1
     */
    SparkAveraging(JavaSparkContext context, JavaRDD<Shard> shards, String run, TrainConfig config) {
        this.context = context;
        this.shards = shards;
        this.run = run;
        this.config = config;
        this.metaStep = config.takesMetaSteps();
    }

    /** @param f a test's injected failure */
    void inject(InjectedFailure f) {
        this.failure = f;
    }

    @Override
    public StepStats iterate(TrainingState state, List<Batch> micro, Supplier<List<Batch>> metaBatches, double rate) {
        if (start == null) {
            start = context.broadcast(FlatState.of(StateArrays.of(state)));
            window = state.iteration();
        }
        train.add(indices(micro));
        meta.add(metaStep && Methods.takesMetaStep(config, state.iteration()) ? indices(metaBatches.get()) : null);
        lr.add(rate);
        boolean sync = train.size() == config.syncEvery();
        List<StepOutcome> outcomes = advance(sync);
        if (sync) {
            average(state, outcomes);
        }
        return StepStats.mean(outcomes.stream().map(StepOutcome::stats).toList());
    }

    /** Asks the workers for their replicas when they have run since the window started, and averages them. */
    @Override
    public void finishEpoch(TrainingState state) {
        if (start != null) {
            average(state, advance(true));
        }
    }

    private List<StepOutcome> advance(boolean sync) {
        WindowStep step = new WindowStep(run, config, start, window, train.toArray(int[][][]::new),
                meta.toArray(int[][][]::new), lr.stream().mapToDouble(Double::doubleValue).toArray(), sync, failure);
        return collect(shards, step);
    }

    private void average(TrainingState state, List<StepOutcome> outcomes) {
        StateArrays.mean(outcomes.stream().map(o -> o.replica().toArrays()).toList())
                .into(state, "the workers' average");
        start.destroy(false);
        start = null;
        train.clear();
        meta.clear();
        lr.clear();
    }

    private static int[][] indices(List<Batch> batches) {
        return batches.stream().map(Batch::indices).toArray(int[][]::new);
    }

    /** Runs a step on every worker; static, so that the task's closure holds the step and nothing else. */
    private static List<StepOutcome> collect(JavaRDD<Shard> shards, WindowStep step) {
        return shards.mapPartitions((Iterator<Shard> it) -> {
            Shard shard = it.next();
            Worker worker = WorkerCache.of(step.run(), step.config(), shard);
            if (step.failure() != null) {
                step.failure().maybeFail(step.iteration(), shard.index(), worker::loseReplica);
            }
            return List.of(worker.advance(step)).iterator();
        }).collect();
    }
}
