package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mwnet.data.AtomicFiles;
import org.mwnet.eval.RunMetrics;
import org.mwnet.plots.RunPlots;
import org.mwnet.train.Json;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.WeightNetFile;

/**
 * A run's output folder: {@code metrics.json}, {@code curves.png}, {@code checkpoint.zip} (every epoch), and for
 * mwnet {@code weight-function.png} and {@code vnet.zip} (the trained V alone, for {@code --init-v}).
 *
 * @param dir the folder
 */
record RunDirectory(Path dir) {
    /** File names inside the folder. */
    static final String METRICS = "metrics.json";
    static final String CHECKPOINT = "checkpoint.zip";
    static final String VNET = "vnet.zip";
    static final String CURVES = "curves.png";
    static final String WEIGHT_FUNCTION = "weight-function.png";

    /** @return the folder, created if missing */
    RunDirectory create() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        return this;
    }

    Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    /**
     * Writes everything a finished run leaves.
     *
     * @param model the trained model
     * @param name the run's label for chart titles
     * @throws IOException when a file cannot be written
     */
    void write(TrainedModel model, String name) throws IOException {
        RunMetrics m = model.metrics();
        AtomicFiles.write(dir.resolve(METRICS), out -> Json.MAPPER.writeValue(out, m));
        RunPlots.writePng(dir.resolve(CURVES), RunPlots.accuracy(m), RunPlots.loss(m));
        if (model.theta() != null) {
            WeightNetFile.write(dir.resolve(VNET), model.vnet(), model.theta());
            RunPlots.writePng(dir.resolve(WEIGHT_FUNCTION), RunPlots.weightFunction(m.weights(), name
                    + ": learned weighting function V(loss)"));
        }
    }
}
