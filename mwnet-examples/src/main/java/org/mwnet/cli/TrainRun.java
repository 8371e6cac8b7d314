package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.mwnet.train.MethodFactory;
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
     * @param data the run's splits and test set, checked
     * @param config the training configuration
     * @param out run directory
     * @param mode start afresh, continue the run directory's checkpoint, or replace a previous run
     * @param initV exported V to start from, or null
     * @param methods creates the method's iteration ({@link org.mwnet.train.Methods#create}, or Spark workers')
     * @param backend applied (and reported) once every input has been checked
     * @param err where progress goes
     * @return the trained model (its files are written)
     */
    static TrainedModel execute(String label, RunData data, TrainConfig config, Path out, RunDirectory.Mode mode,
                                Path initV, MethodFactory methods, BackendOptions backend, PrintWriter err)
            throws IOException {
        Trainer trainer = new Trainer(config).withMethods(methods);
        if (initV != null) {
            Parameters initialV = WeightNetFile.read(initV, new WeightNet(config.vHidden()), config.dataType());
            try {
                trainer.withInitialWeightNet(initialV);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--init-v: " + e.getMessage(), e);
            }
        }
        try (RunDirectory dir = RunDirectory.open(out, mode)) {
            for (String warning : data.warnings()) {
                err.println("mwnet train: warning: " + warning);
            }
            // the backend's line comes once the trainer has checked the data and the checkpoint to resume, so a
            // refused resume is one line
            trainer.withCheckpoint(dir.checkpoint(), mode == RunDirectory.Mode.RESUME)
                    .withListener(new ProgressListener(label, config.totalEpochs(),
                            ProgressListener.barOnStderr(System.getenv()), err, () -> backend.apply(err)));
            TrainedModel model = trainer.train(data.splits(), data.test(), data.summary());
            dir.write(model, data, label);
            return model;
        }
    }
}
