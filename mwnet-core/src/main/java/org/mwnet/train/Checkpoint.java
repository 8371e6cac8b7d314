package org.mwnet.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.mwnet.data.Batches;
import org.mwnet.data.DataFormatException;
import org.mwnet.data.Dataset;
import org.mwnet.dl4j.Dl4jNetworks;
import org.mwnet.io.Json;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;

/**
 * Saves and restores the full {@link TrainingState} (classifier, V, both optimisers, the meta stream's position,
 * counters and metrics) with the configuration and data settings that produced it. Batch orders derive from the
 * seed and the epoch, so a resumed run continues exactly.
 */
public final class Checkpoint {
    private static final String KIND = "checkpoint";
    private static final String CLASSIFIER = "classifier/";
    /** The data settings' field holding the input settings, compared after the data's fingerprint. */
    private static final String INPUT = "input";

    private Checkpoint() {
    }

    /**
     * @param file target (replaced atomically)
     * @param config the run's configuration
     * @param data the run's data settings
     * @param fingerprint the data the run uses
     * @param dl4jConfiguration the DL4J configuration (JSON) of a network from DL4J, or null for the configuration's
     *     model
     * @param families the class families of a class-aware V, or null
     * @param s the state
     * @throws IOException when writing fails
     */
    public static void write(Path file, TrainConfig config, DataSettings data, DataFingerprint fingerprint,
                             String dl4jConfiguration, ClassFamilies families, TrainingState s) throws IOException {
        // a run without a meta set has no meta streams: their position is 0, 0
        Batches.Cycle meta = s.metaCycles.isEmpty() ? null : s.metaCycles.get(0);
        CheckpointHeader h = new CheckpointHeader(CheckpointHeader.FORMAT, config, data, fingerprint, dl4jConfiguration,
                families, s.nextEpoch, s.iteration, meta == null ? 0 : meta.pass(), meta == null ? 0 : meta.cursor(),
                s.sgd.steps(), s.adam.steps(), s.history);
        new ArrayArchive(KIND, Json.MAPPER.writeValueAsString(h), StateArrays.of(s).arrays()).write(file);
    }

    /**
     * Reads a checkpoint's header and arrays.
     *
     * @param file the checkpoint
     * @return its content
     * @throws IOException when the file is unreadable, not a checkpoint, has a damaged header, or was written by an
     *     mwnet that did not record which data it was trained on
     */
    public static Saved read(Path file) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        JsonNode header = a.headerTree(file);
        int format = header.path("format").asInt(0);
        if (format != CheckpointHeader.FORMAT) {
            // Older checkpoints do not say exactly which data they were trained on and how it was read, so nothing
            // could check that a resumed run, an evaluation or a prediction uses the same: refuse them, not guess.
            throw new DataFormatException(file, format < CheckpointHeader.FORMAT
                    ? "written by an older mwnet (checkpoint format " + format + ") that did not record which data "
                    + "it was trained on and how it was read; train a new run"
                    : "written by a newer mwnet (checkpoint format " + format + ", this one reads "
                    + CheckpointHeader.FORMAT + ")");
        }
        if (header.path("config") instanceof ObjectNode config) {
            // checkpoints written before micro-batches existed do not name them: their runs had one per iteration
            if (!config.has("accumulate")) {
                config.put("accumulate", 1);
            }
            // nor those from before parameter averaging: their runs averaged gradients
            if (!config.has("sync_every")) {
                config.put("sync_every", 0);
            }
        }
        return new Saved(file, a, a.header(file, header, CheckpointHeader.class));
    }

    /** A checkpoint read back: the settings that wrote it and, on demand, its classifier. */
    public static final class Saved {
        private final Path file;
        private final ArrayArchive archive;
        private final CheckpointHeader header;

        private Saved(Path file, ArrayArchive archive, CheckpointHeader header) {
            this.file = file;
            this.archive = archive;
            this.header = header;
        }

        /** @return the configuration of the run that wrote it */
        public TrainConfig config() {
            return header.config();
        }

        /** @return the data settings of the run that wrote it */
        public DataSettings data() {
            return header.data();
        }

        /** @return the class families of its class-aware V, or null for a plain V or none */
        public ClassFamilies families() {
            return header.families();
        }

        /** @return the classifier it holds, in words: its model's name, or "DL4J network" for a network from DL4J */
        public String network() {
            return header.dl4jConfiguration() == null ? config().model().toString() : "DL4J network";
        }

        /** @return epochs it had trained */
        public int epochs() {
            return header.nextEpoch();
        }

        /** @return how many samples its training split holds (its weights.csv has one row for each) */
        public int trainSize() {
            return header.fingerprint().trainSize();
        }

        /**
         * Checks that a run may continue this checkpoint.
         *
         * @param config the configuration of the run that resumes (must equal the saved one)
         * @param data the data settings of the run that resumes (must equal the saved ones)
         * @param fingerprint the data the run that resumes uses (must equal the saved one)
         * @param dl4jConfiguration the DL4J configuration (JSON) of the network the run that resumes trains, or null
         *     for the configuration's model (must equal the saved one)
         * @throws IllegalArgumentException naming the first setting that differs, with both values, or how the data
         *     differs
         */
        public void requireResumableBy(TrainConfig config, DataSettings data, DataFingerprint fingerprint,
                                       String dl4jConfiguration) {
            requireSame(file, "data settings", data(), data, INPUT);
            requireSame(file, "configuration", config(), config);
            if (!Objects.equals(header.dl4jConfiguration(), dl4jConfiguration)) {
                String saved = header.dl4jConfiguration() == null ? "model " + config().model() : "a DL4J network";
                String given = dl4jConfiguration == null ? "model " + config.model()
                        : header.dl4jConfiguration() == null ? "a DL4J network" : "another DL4J network";
                throw new IllegalArgumentException(file + " was written by a run of " + saved + ", and this run trains "
                        + given + "; resume with the same network");
            }
            String difference = fingerprint.difference(header.fingerprint());
            if (difference != null) {
                // before the input settings: other contents also change the normalisation fitted on them
                throw new IllegalArgumentException(file + " was trained on other data (" + difference
                        + "); resume with the same data files");
            }
            requireSame(file, "input settings", data().input(), data.input());
        }

        /**
         * Checks that a test set is the one the checkpoint's run reported on, so that an evaluation reads the same
         * data (another dataset's files under the same names have the same size but other contents).
         *
         * @param test the test set to evaluate on
         * @throws IllegalArgumentException saying how it differs
         */
        public void requireTestSet(Dataset test) {
            String difference = header.fingerprint().testDifference(test);
            if (difference != null) {
                throw new IllegalArgumentException(file + " was trained on other data (" + difference
                        + " in the test set); evaluate with the same " + data().dataset() + " files");
            }
        }

        /**
         * @param imageShape the data's image shape [C, H, W]
         * @param numClasses the data's class count
         * @return the classifier's architecture and parameters
         * @throws DataFormatException when the header describes a model too large for this JVM's memory
         * @throws IllegalArgumentException when the parameters do not fit that data
         */
        public Classifier classifier(long[] imageShape, int numClasses) throws DataFormatException {
            TrainConfig c = config();
            Network net = header.dl4jConfiguration() == null ? c.model().build(imageShape, numClasses, c.hidden())
                    : Dl4jNetworks.fromConfiguration(MultiLayerConfiguration.fromJson(header.dl4jConfiguration()),
                    imageShape).network();
            // the archive's copy and the loaded one; refused before allocating, as a damaged or foreign header can
            // declare any width
            double bytes = 2 * MemoryBudget.parameterBytes(net, c.dataType());
            if (bytes > MemoryBudget.memoryLimit()) {
                throw new DataFormatException(file, String.format(Locale.ROOT, "its %s of width %d needs %.3g GiB "
                        + "for its parameters, more than this JVM's memory limit of %.1f GiB", c.model(), c.hidden(),
                        bytes / MemoryBudget.GIB, MemoryBudget.memoryLimit() / MemoryBudget.GIB));
            }
            Parameters p = net.init(0, c.dataType());
            p.load(archive.group(CLASSIFIER), file + " (does it belong to this dataset?)");
            return new Classifier(net, p);
        }
    }

    /**
     * A classifier read back from a checkpoint, for evaluation.
     *
     * @param network the classifier's architecture
     * @param parameters its parameters and buffers
     */
    public record Classifier(Network network, Parameters parameters) {
    }

    /**
     * Sets a run's state to a checked checkpoint's ({@link Saved#requireResumableBy}).
     *
     * @param saved the checkpoint, read and checked
     * @param s the state to overwrite
     */
    static void restore(Saved saved, TrainingState s) {
        CheckpointHeader h = saved.header;
        new StateArrays(saved.archive.arrays(), h.sgdSteps(), h.adamSteps()).into(s, saved.file.toString());
        s.metaCycles.forEach(c -> c.restore(h.metaPass(), h.metaCursor()));
        s.nextEpoch = h.nextEpoch();
        s.iteration = h.iteration();
        s.history.clear();
        s.history.addAll(h.history());
    }

    /** Compares two settings records field by field, as they are written in the header, except the fields named. */
    private static void requireSame(Path file, String what, Object saved, Object given, String... except) {
        JsonNode a = Json.MAPPER.valueToTree(saved);
        JsonNode b = Json.MAPPER.valueToTree(given);
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!java.util.List.of(except).contains(name) && !a.get(name).equals(b.get(name))) {
                throw new IllegalArgumentException(file + " was written by a run with other " + what + ": "
                        + name.replace('_', ' ') + " " + text(a.get(name)) + " there, " + text(b.get(name))
                        + " in this run; resume with the same " + what);
            }
        }
    }

    private static String text(JsonNode value) {
        return value == null ? "none" : value.isValueNode() ? value.asText() : value.toString();
    }
}
