package org.mwnet.train;

import java.io.IOException;
import java.nio.file.Path;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.meta.ClassFamilies;

/**
 * Writes the run's full state to its checkpoint at the end of every epoch (atomically, {@link Checkpoint#write}): a
 * listener that {@link Trainer} tells after its {@link DivergenceCheck}, so a checkpoint only ever holds a finite
 * state.
 */
final class CheckpointWriter implements TrainingListener {
    private final Path file;
    private final TrainConfig config;
    private final DataSettings data;
    private final DataFingerprint fingerprint;
    private final String dl4jConfiguration;
    private final ClassFamilies families;
    private final TrainingState state;

    /**
     * @param file the checkpoint
     * @param config the run's configuration
     * @param data the data's settings
     * @param fingerprint the data's fingerprint, which a resume checks
     * @param dl4jConfiguration the DL4J configuration (JSON) of a network from DL4J, or null
     * @param families the class families of a class-aware V, or null
     * @param state the state the run updates
     */
    CheckpointWriter(Path file, TrainConfig config, DataSettings data, DataFingerprint fingerprint,
                     String dl4jConfiguration, ClassFamilies families, TrainingState state) {
        this.file = file;
        this.config = config;
        this.data = data;
        this.fingerprint = fingerprint;
        this.dl4jConfiguration = dl4jConfiguration;
        this.families = families;
        this.state = state;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) throws IOException {
        Checkpoint.write(file, config, data, fingerprint, dl4jConfiguration, families, state);
    }
}
