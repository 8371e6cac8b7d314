package org.mwnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Parameter averaging over P workers, the semantics of Deeplearning4j's {@code ParameterAveragingTrainingMaster}, for
 * clusters where communication dominates: {@link TrainConfig#syncEvery} = k.
 * <ul>
 * <li>Each of the P workers keeps its own {@link Replica} of the state: classifier, V, SGD velocities, Adam's moments
 * and BatchNorm buffers.</li>
 * <li>Each iteration, worker p runs the whole method on its own micro-batch p and meta batch p, the ones
 * {@code --accumulate P} uses ({@link Methods}): its own look-ahead, its own Adam step on its V, its own SGD step on
 * its classifier.</li>
 * <li>After k such local iterations, and at the end of every epoch, the run's state becomes the element-wise mean of
 * the P replicas (parameters, BatchNorm buffers, velocities and moments alike), summed in worker order and divided by
 * P once ({@link StateArrays#mean}), and every replica starts the next window from that mean. Windows therefore
 * restart with every epoch (the last one of an epoch may be shorter than k), so the evaluation and the checkpoint see
 * one averaged state, and a run resumed from a checkpoint continues exactly without saving any replica.</li>
 * </ul>
 * With k = 1 and plain SGD (ce or focal, momentum and weight decay, no BatchNorm) this is gradient averaging up to
 * rounding, since the SGD step is affine in the gradient; with Adam (V of mwnet) it is not: the mean of the replicas'
 * second moments is not the second moment of the mean gradient.
 */
public final class ParameterAveraging implements Iteration {
    private final TrainConfig config;
    private final MicroBatchParts step;
    private List<Replica> replicas;
    private int windowSteps;

    /**
     * @param config the run's configuration: P micro-batches, k iterations between averages
     * @param step computes a micro-batch's gradients, for the replicas one after another
     */
    ParameterAveraging(TrainConfig config, MicroBatchParts step) {
        this.config = config;
        this.step = step;
    }

    @Override
    public StepStats iterate(TrainingState state, List<Batch> micro, Supplier<List<Batch>> meta, double lr) {
        if (replicas == null) {
            replicas = IntStream.range(0, micro.size()).mapToObj(p -> new Replica(config, step,
                    state.classifier.copy(), state.theta == null ? null : state.theta.copy())).toList();
        }
        if (windowSteps == 0) {
            StateArrays start = StateArrays.of(state);
            replicas.forEach(r -> r.load(start, "the averaged state"));
        }
        List<List<Batch>> drawn = new ArrayList<>(1);
        Supplier<List<Batch>> metaOnce = () -> {
            if (drawn.isEmpty()) {
                drawn.add(meta.get());
            }
            return drawn.get(0);
        };
        List<StepStats> stats = new ArrayList<>(micro.size());
        for (int p = 0; p < micro.size(); p++) {
            int part = p;
            stats.add(replicas.get(p).step(state.iteration, micro.get(p), () -> metaOnce.get().get(part), lr));
        }
        windowSteps++;
        if (windowSteps == config.syncEvery()) {
            average(state);
        }
        return StepStats.mean(stats);
    }

    /** Averages the replicas into the state when they have run since they last started from it. */
    @Override
    public void finishEpoch(TrainingState state) {
        if (windowSteps > 0) {
            average(state);
        }
    }

    private void average(TrainingState state) {
        StateArrays.mean(replicas.stream().map(Replica::arrays).toList()).into(state, "the replicas' average");
        windowSteps = 0;
    }
}
