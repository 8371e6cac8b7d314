package org.mwnet.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwnet.io.Json;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Export and import of a trained V alone, to start other runs with it ({@code --init-v}). */
public final class WeightNetFile {
    private static final String KIND = "vnet";

    /**
     * The header of an exported V.
     *
     * @param hidden its hidden width
     */
    record Header(int hidden) {
    }

    private WeightNetFile() {
    }

    /**
     * @param file target (replaced atomically)
     * @param vnet the network's shape
     * @param theta its parameters
     * @throws IOException when writing fails
     */
    public static void write(Path file, WeightNet vnet, Parameters theta) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>(theta.asMap());
        new ArrayArchive(KIND, Json.MAPPER.writeValueAsString(new Header(vnet.hidden())), arrays).write(file);
    }

    /**
     * @param file an exported V
     * @param vnet the network it must fit
     * @param dataType the type wanted
     * @return its parameters
     * @throws IOException when unreadable or of another hidden size
     */
    public static Parameters read(Path file, WeightNet vnet, DataType dataType) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        Header h = a.header(file, a.headerTree(file), Header.class);
        if (h.hidden() != vnet.hidden()) {
            throw new IllegalArgumentException(file + " holds a V with hidden size " + h.hidden()
                    + "; this run's V has " + vnet.hidden() + " (set --v-hidden " + h.hidden() + ")");
        }
        Parameters theta = vnet.init(0, dataType);
        theta.load(a.group(""), file.toString());
        return theta;
    }
}
