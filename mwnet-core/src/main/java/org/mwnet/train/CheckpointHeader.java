package org.mwnet.train;

import java.util.List;
import org.mwnet.eval.EpochMetrics;

/**
 * The scalar part of a checkpoint.
 *
 * @param format the layout's version ({@link #FORMAT}; absent, so 0, in checkpoints without data settings)
 * @param config the run's configuration (a resumed run must match it)
 * @param data the run's data settings (a resumed run must match them)
 * @param nextEpoch the first epoch still to run (0-based)
 * @param iteration iterations done
 * @param metaPass the meta-batch stream's permutation number
 * @param metaCursor the meta-batch stream's position in it
 * @param sgdSteps classifier optimiser steps
 * @param adamSteps V optimiser steps
 * @param history metrics of the epochs done
 */
record CheckpointHeader(int format, TrainConfig config, DataSettings data, int nextEpoch, long iteration,
                        long metaPass, int metaCursor, long sgdSteps, long adamSteps, List<EpochMetrics> history) {
    /** The current layout: the first to record the data settings. */
    static final int FORMAT = 2;
}
