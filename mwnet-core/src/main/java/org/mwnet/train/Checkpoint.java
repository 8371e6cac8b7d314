package org.mwnet.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Saves and restores the full {@link TrainingState} (classifier, V, both optimisers, the meta stream's position,
 * counters and metrics). Batch orders derive from the seed and the epoch, so a resumed run continues exactly.
 */
public final class Checkpoint {
    private static final String KIND = "checkpoint";
    private static final String CLASSIFIER = "classifier/";
    private static final String THETA = "theta/";
    private static final String SGD = "sgd/";
    private static final String ADAM = "adam/";

    private Checkpoint() {
    }

    /**
     * @param file target (replaced atomically)
     * @param config the run's configuration
     * @param s the state
     * @throws IOException when writing fails
     */
    public static void write(Path file, TrainConfig config, TrainingState s) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        s.classifier.asMap().forEach((k, v) -> arrays.put(CLASSIFIER + k, v));
        if (s.theta != null) {
            s.theta.asMap().forEach((k, v) -> arrays.put(THETA + k, v));
        }
        s.sgd.state().forEach((k, v) -> arrays.put(SGD + k, v));
        s.adam.state().forEach((k, v) -> arrays.put(ADAM + k, v));
        CheckpointHeader h = new CheckpointHeader(config, s.nextEpoch, s.iteration, s.metaCycle.pass(),
                s.metaCycle.cursor(), s.sgd.steps(), s.adam.steps(), s.history);
        new ArrayArchive(KIND, Json.MAPPER.writeValueAsString(h), arrays).write(file);
    }

    /**
     * A classifier read back from a checkpoint.
     *
     * @param config the configuration of the run that wrote it
     * @param network the classifier's architecture
     * @param parameters its parameters and buffers
     * @param epochs epochs it had trained
     */
    public record Classifier(TrainConfig config, Network network, Parameters parameters, int epochs) {
    }

    /**
     * Reads the classifier of a checkpoint, for evaluation.
     *
     * @param file the checkpoint
     * @param imageShape the data's image shape [C, H, W]
     * @param numClasses the data's class count
     * @return the classifier
     * @throws IOException when the file is unreadable or does not fit the data
     */
    public static Classifier readClassifier(Path file, long[] imageShape, int numClasses) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        CheckpointHeader h = Json.MAPPER.readValue(a.header(), CheckpointHeader.class);
        TrainConfig c = h.config();
        Network net = Models.byName(c.model(), imageShape, numClasses, c.hidden());
        Parameters p = net.init(0, c.dataType());
        p.load(a.group(CLASSIFIER), file + " (does it belong to this dataset?)");
        return new Classifier(c, net, p, h.nextEpoch());
    }

    /**
     * Restores a state written by {@link #write}.
     *
     * @param file the checkpoint
     * @param config the configuration of the run that resumes (must equal the saved one)
     * @param s a freshly initialised state of that run, overwritten
     * @throws IOException when the file is unreadable or belongs to another configuration
     */
    public static void restore(Path file, TrainConfig config, TrainingState s) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        CheckpointHeader h = Json.MAPPER.readValue(a.header(), CheckpointHeader.class);
        if (!h.config().equals(config)) {
            throw new IllegalArgumentException(file + " was written by a run with another configuration ("
                    + Json.MAPPER.writeValueAsString(h.config()).replaceAll("\\s+", " ") + "); resume with the same options");
        }
        s.classifier.load(a.group(CLASSIFIER), file.toString());
        if (s.theta != null) {
            s.theta.load(a.group(THETA), file.toString());
        }
        s.sgd.restore(a.group(SGD), h.sgdSteps());
        s.adam.restore(a.group(ADAM), h.adamSteps());
        s.metaCycle.restore(h.metaPass(), h.metaCursor());
        s.nextEpoch = h.nextEpoch();
        s.iteration = h.iteration();
        s.history.clear();
        s.history.addAll(h.history());
    }
}
