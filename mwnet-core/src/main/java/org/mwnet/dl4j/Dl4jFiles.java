package org.mwnet.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** Reads DL4J model zips with one-line errors. */
final class Dl4jFiles {
    private Dl4jFiles() {
    }

    /**
     * @param zip a model zip written by {@link ModelSerializer}
     * @return the network, without updater state
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, when it holds no network or weights that do not fit
     */
    static MultiLayerNetwork restore(Path zip) throws IOException {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(zip + ": expected a MultiLayerNetwork zip written by ModelSerializer, "
                    + "its configuration and matching weights (" + Dl4jNetworks.firstLine(e) + ")");
        }
    }
}
