package org.mwnet.train;

import org.mwnet.eval.EpochMetrics;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Stops a run whose numbers stopped being finite, before they reach a checkpoint: a listener that {@link Trainer}
 * tells of every iteration and epoch before its {@link CheckpointWriter}. The losses are checked after every
 * iteration; the state a checkpoint would save (parameters and optimiser buffers) after every epoch, because the last
 * update of an epoch is followed by no loss that would show it.
 */
final class DivergenceCheck implements TrainingListener {
    private final TrainConfig config;
    private final TrainingState state;

    /**
     * @param config the run's configuration (its learning-rate schedule, for the message)
     * @param state the state the run updates
     */
    DivergenceCheck(TrainConfig config, TrainingState state) {
        this.config = config;
        this.state = state;
    }

    @Override
    public void onIteration(int epoch, int iteration, StepStats stats) {
        losses(stats, epoch, iteration, config.learningRate(epoch));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        state(state, metrics.epoch() - 1, metrics.lr());
    }

    /**
     * @param s the iteration's losses
     * @param epoch 0-based epoch
     * @param iteration 0-based iteration in the epoch
     * @param lr the learning rate it used
     * @throws TrainingDivergedException when the training or the meta loss is NaN or infinite
     */
    private static void losses(StepStats s, int epoch, int iteration, double lr) {
        String where = " at epoch " + (epoch + 1) + ", iteration " + (iteration + 1);
        if (!Double.isFinite(s.trainLoss())) {
            throw diverged("the loss is " + s.trainLoss() + where, lr);
        }
        if (s.metaLoss().isPresent() && !Double.isFinite(s.metaLoss().getAsDouble())) {
            throw diverged("the meta loss is " + s.metaLoss().getAsDouble() + where, lr);
        }
    }

    /**
     * @param s the state at the end of an epoch
     * @param epoch 0-based epoch
     * @param lr the epoch's learning rate
     * @throws TrainingDivergedException when an array a checkpoint would save (parameter, buffer or optimiser state)
     *     holds a NaN or an infinity; the message names it as the checkpoint does, e.g. classifier/fc1.weight
     */
    private static void state(TrainingState s, int epoch, double lr) {
        StateArrays.of(s).arrays().forEach((name, a) -> {
            if (BooleanIndexing.or(a, Conditions.notFinite())) {
                throw diverged(name + " is not finite at the end of epoch " + (epoch + 1), lr);
            }
        });
    }

    private static TrainingDivergedException diverged(String what, double lr) {
        return new TrainingDivergedException("training diverged: " + what + " (learning rate " + lr
                + "); try a smaller learning rate");
    }
}
