package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.meta.ClassFamilies;

/**
 * The scalar part of a checkpoint.
 *
 * @param format the layout's version ({@link #FORMAT}; absent, so 0, in checkpoints without data settings)
 * @param config the run's configuration (a resumed run must match it)
 * @param data the run's data settings (a resumed run must match them)
 * @param fingerprint the data the run used (a resumed run and an evaluation must use the same)
 * @param dl4jConfiguration the Deeplearning4j configuration (JSON) of a network given to the trainer from DL4J, which
 *     {@link Checkpoint.Saved#classifier} rebuilds; absent for the configuration's own model
 * @param families the class families of a class-aware V (absent for a plain V; a resumed run computes the same from
 *     the same data)
 * @param nextEpoch the first epoch still to run (0-based)
 * @param iteration iterations done
 * @param metaPass the meta-batch streams' permutation number (the micro-batches' streams are drawn in step, so one
 *     position holds for all)
 * @param metaCursor the meta-batch streams' position in it
 * @param sgdSteps classifier optimiser steps
 * @param adamSteps V optimiser steps
 * @param history metrics of the epochs done
 */
record CheckpointHeader(int format, TrainConfig config, DataSettings data, DataFingerprint fingerprint,
                        @JsonProperty("dl4j_configuration") @JsonInclude(JsonInclude.Include.NON_NULL)
                        String dl4jConfiguration,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ClassFamilies families, int nextEpoch,
                        long iteration, long metaPass, int metaCursor, long sgdSteps, long adamSteps,
                        List<EpochMetrics> history) {
    /**
     * The current layout: 4 records the input's {@link org.mwnet.data.InputSettings} in the data settings; 3 did not,
     * so {@code predict} could not prepare new data as the run did; 2 recorded only the data settings, so it could
     * not tell two copies of the data apart; before 2, not even those.
     */
    static final int FORMAT = 4;

    /** Refuses a header without one of its parts (a damaged file). */
    CheckpointHeader {
        Objects.requireNonNull(config, "no configuration");
        Objects.requireNonNull(data, "no data settings");
        Objects.requireNonNull(data.input(), "no input settings");
        Objects.requireNonNull(fingerprint, "no data fingerprint");
        Objects.requireNonNull(history, "no history");
    }
}
