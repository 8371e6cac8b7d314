package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.TrainTest;
import org.mwnet.meta.WeightNet;
import org.mwnet.train.Checkpoint;
import org.mwnet.train.DataSettings;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.Trainer;
import org.mwnet.train.WeightNetFile;

/** One training run from the command line: splits, trainer, progress and the run directory. */
final class TrainRun {
    private TrainRun() {
    }

    /**
     * @param label name shown in progress lines and chart titles
     * @param data loaded dataset
     * @param split how it is split and corrupted
     * @param config the training configuration
     * @param out run directory
     * @param resume continue from the run directory's checkpoint
     * @param initV exported V to start from, or null
     * @param backend applied (and reported) once every input has been checked
     * @param err where progress goes
     * @return the trained model (its files are written)
     */
    static TrainedModel execute(String label, TrainTest data, SplitConfig split, TrainConfig config, Path out,
                                boolean resume, Path initV, BackendOptions backend, PrintWriter err)
            throws IOException {
        if (config.method().equals("finetune") && split.validationSize() == 0) {
            throw new IllegalArgumentException("--method finetune fine-tunes on the meta set, so it selects on a "
                    + "validation split it did not train on: give --validation-size (a multiple of the class count)");
        }
        Splits splits = Splits.make(data.train(), split);
        DatasetSummary summary = DatasetSummary.of(splits, data.test(), split);
        RunDirectory dir = new RunDirectory(out).create();
        if (resume && !dir.checkpoint().toFile().isFile()) {
            throw new IllegalArgumentException("--resume: no checkpoint at " + dir.checkpoint());
        }
        if (resume) {
            Checkpoint.read(dir.checkpoint()).requireResumableBy(config, DataSettings.of(summary));
        }
        Trainer trainer = new Trainer(config).withCheckpoint(dir.checkpoint(), resume)
                .withListener(new ProgressListener(label, config.totalEpochs(), System.console() != null, err));
        if (initV != null) {
            if (!config.method().equals("mwnet")) {
                throw new IllegalArgumentException("--init-v needs --method mwnet, got " + config.method());
            }
            trainer.withInitialWeightNet(WeightNetFile.read(initV, new WeightNet(config.vHidden()), config.dataType()));
        }
        backend.apply(err);
        TrainedModel model = trainer.train(splits, data.test(), summary);
        dir.write(model, label);
        return model;
    }
}
