package org.mwnet.train;

import java.util.List;
import org.mwnet.eval.EpochMetrics;

/**
 * The scalar part of a checkpoint.
 *
 * @param config the run's configuration (a resumed run must match it)
 * @param nextEpoch the first epoch still to run (0-based)
 * @param iteration iterations done
 * @param metaPass the meta-batch stream's permutation number
 * @param metaCursor the meta-batch stream's position in it
 * @param sgdSteps classifier optimiser steps
 * @param adamSteps V optimiser steps
 * @param history metrics of the epochs done
 */
record CheckpointHeader(TrainConfig config, int nextEpoch, long iteration, long metaPass, int metaCursor,
                        long sgdSteps, long adamSteps, List<EpochMetrics> history) {
}
