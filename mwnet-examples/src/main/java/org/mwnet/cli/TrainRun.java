package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mwnet.nn.Parameters;
import org.mwnet.run.RunData;
import org.mwnet.run.RunDirectory;
import org.mwnet.run.RunDirectoryException;
import org.mwnet.train.MethodFactory;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.Trainer;
import org.mwnet.train.WeightNetFile;

/** One training run from the command line: splits, trainer, progress, and the run directory, its refusals in flags. */
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
     * @param dl4j the DL4J network to train (written back as a DL4J model zip), or null for the configuration's model
     * @param backend applied (and reported) once every input has been checked
     * @param err where progress goes
     * @return the trained model (its files are written)
     */
    static TrainedModel execute(String label, RunData data, TrainConfig config, Path out, RunDirectory.Mode mode,
                                Path initV, MethodFactory methods, Dl4jRun dl4j, BackendOptions backend,
                                PrintWriter err)
            throws IOException {
        Trainer trainer = new Trainer(config).withMethods(methods);
        if (dl4j != null) {
            trainer.withNetwork(dl4j.model(), dl4j.start());
        }
        String origin = null;
        if (initV != null) {
            try {
                Parameters initialV = WeightNetFile.read(initV, config.weightNet(data.splits().train()),
                        config.dataType());
                origin = WeightNetFile.origin(initV);
                trainer.withInitialWeightNet(initialV, origin);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--init-v: " + e.getMessage(), e);
            }
        }
        try (RunDirectory dir = open(out, mode)) {
            for (String warning : data.warnings()) {
                err.println("mwnet train: warning: " + warning);
            }
            if (origin != null) {
                err.println("mwnet train: V from " + origin + (config.freezeV() ? ", held fixed (--freeze-v): no "
                        + "meta steps" : ", learned further"));
            }
            // the backend's line comes once the trainer has checked the data and the checkpoint to resume, so a
            // refused resume is one line
            trainer.withCheckpoint(dir.checkpoint(), mode == RunDirectory.Mode.RESUME)
                    .withListener(new ProgressListener(label, config.totalEpochs(),
                            ProgressListener.barOnStderr(System.getenv()), err, () -> backend.apply(err)));
            TrainedModel model = trainer.train(data.splits(), data.test(), data.summary());
            dir.write(model, data, label, dl4j == null ? null : dl4j.export(model));
            return model;
        }
    }

    /**
     * Opens the run directory {@code --out} names, saying a refusal in flags ({@link #inFlags}).
     *
     * @param out the flag's value
     * @param mode what to do with what the folder already holds
     * @return the open directory; close it when the run ends
     * @throws IllegalArgumentException when the folder cannot be used this way, naming the flag and the folder
     * @throws IOException when the folder cannot be created or locked
     */
    static RunDirectory open(Path out, RunDirectory.Mode mode) throws IOException {
        requireNamed(out);
        try {
            return RunDirectory.open(out, mode);
        } catch (RunDirectoryException e) {
            throw new IllegalArgumentException(inFlags(e), e);
        }
    }

    /**
     * @param e a refused run directory
     * @return the refusal with the folder named by its flag, and the ways on that apply: {@code --resume} only where
     *     there is a checkpoint to continue
     */
    private static String inFlags(RunDirectoryException e) {
        String what = e.getMessage();
        return switch (e.reason()) {
            case NOT_A_DIRECTORY -> "--out " + what;
            case NO_CHECKPOINT -> "--resume: " + what;
            case IN_USE -> "--out " + what + "; wait for it to end or choose another --out";
            case HOLDS_RUN -> "--out " + what + "; continue it (train --resume), replace it (--overwrite), or choose "
                    + "another --out";
            case HOLDS_RUN_FILES -> "--out " + what + "; replace them (--overwrite), or choose another --out";
            case HOLDS_OTHER_FILES -> "--out " + what + "; choose another --out, or run there with --overwrite (which "
                    + "replaces only a run's own files and keeps these)";
        };
    }

    /**
     * Refuses an empty {@code --out} (which would otherwise mean the working directory).
     *
     * @param out the flag's value
     */
    static void requireNamed(Path out) {
        if (out.toString().isEmpty()) {
            throw new IllegalArgumentException("--out must name a directory, got an empty path");
        }
    }
}
