package org.mwnet.spark;

import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.mwnet.train.Batch;
import org.mwnet.train.BatchLoader;
import org.mwnet.train.MicroBatchStep;
import org.mwnet.train.Replica;
import org.mwnet.train.StepStats;
import org.mwnet.train.TrainConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One worker's lasting state on its executor: its shard, the graphs of {@link MicroBatchStep} built once, the arrays
 * that receive the driver's parameters and the batch loaders; under parameter averaging, its replica instead, which
 * owns those arrays, and how far it is in the current window. Its tasks run one at a time (synchronized).
 */
final class Worker {
    private final Shard shard;
    private final MicroBatchStep step;
    private final Parameters classifier;
    private final Parameters theta;
    private final BatchLoader trainLoader;
    private final BatchLoader metaLoader;
    private final Replica replica;
    /** The window the replica is in (its first iteration), or -1 when it is in none (lost). */
    private long window = -1;
    /** Iterations of the window the replica has run, or -1 while one runs (a failure there leaves it in none). */
    private int stepsDone;
    private StepStats latest;

    /**
     * Builds the graphs (seconds for a large model: once per run and executor).
     *
     * @param config the run's configuration
     * @param shard this worker's data
     */
    Worker(TrainConfig config, Shard shard) {
        this.shard = shard;
        DataType dt = config.dataType();
        int[] s = shard.train().imageShape();
        Network net = config.model().build(new long[] {s[0], s[1], s[2]}, shard.train().numClasses(),
                config.hidden());
        WeightNet vnet = new WeightNet(config.vHidden(), shard.families());
        this.step = MicroBatchStep.create(config, net, vnet, dt);
        this.classifier = net.init(config.seed(), dt);
        // a frozen V takes no meta step but still weights the samples: the driver sends it with every phase
        this.theta = config.method().learnsV() ? vnet.init(config.weightNetSeed(), dt) : null;
        this.trainLoader = new BatchLoader(shard.train(), config.microBatch(), dt);
        this.metaLoader = new BatchLoader(shard.meta(), config.microMetaBatch(), dt);
        this.replica = config.syncEvery() > 0 ? new Replica(config, step, classifier, theta) : null;
    }

    /**
     * Runs one phase on this worker's micro-batch of the iteration.
     *
     * @param phase the driver's parameters, batches and phase
     * @return the micro-batch's result
     */
    synchronized PartResult run(Phase phase) {
        phase.classifier().into(classifier, "the driver's classifier");
        if (theta != null) {
            phase.theta().into(theta, "the driver's theta");
        }
        Batch train = trainLoader.load(shard.local(phase.train()[shard.index()]));
        if (phase.meta() == null) {
            return PartResult.of(step.classifierGradient(classifier, theta, train));
        }
        Batch meta = metaLoader.load(phase.meta()[shard.index()]);
        return PartResult.of(step.metaGradient(classifier, theta, train, meta, phase.lr()));
    }

    /**
     * Under parameter averaging: brings the replica to the step's iteration of its window, from the window's starting
     * state and the recorded batches when it is not at that iteration or the one before.
     *
     * @param task the window so far
     * @return the latest iteration's losses, and the replica when the window ends
     */
    synchronized StepOutcome advance(WindowStep task) {
        if (task.window() != window || stepsDone < 0 || stepsDone > task.steps()) {
            replica.load(task.start().value().toArrays(), "the window's starting state");
            window = task.window();
            stepsDone = 0;
        }
        while (stepsDone < task.steps()) {
            int i = stepsDone;
            stepsDone = -1;
            Batch train = trainLoader.load(shard.local(task.train()[i][shard.index()]));
            int[][] meta = task.meta()[i];
            latest = replica.step(task.window() + i, train, () -> metaLoader.load(meta[shard.index()]), task.lr()[i]);
            stepsDone = i + 1;
        }
        return StepOutcome.of(latest, task.sync() ? FlatState.of(replica.arrays()) : null);
    }

    /** A test hook: forgets the replica, as a lost executor would. */
    synchronized void loseReplica() {
        window = -1;
    }
}
