package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mwnet.io.Json;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Export and import of a trained V alone, to start other runs with it ({@code --init-v}) or to weight another run's
 * samples with it frozen ({@code --freeze-v}). The file says which kind of V it holds: its hidden width and, for a
 * class-aware V, the families of the classes it was trained on (each head's classes). A run that imports it computes
 * its own families from its own labels; only the number of heads must agree.
 */
public final class WeightNetFile {
    private static final String KIND = "vnet";

    /**
     * The header of an exported V.
     *
     * @param hidden its hidden width
     * @param families the class families of a class-aware V (absent for a plain V, and in files written before
     *     class-aware V existed)
     * @param trainedBy the run that trained it, in words (absent in files written before it was recorded)
     */
    record Header(int hidden, @JsonInclude(JsonInclude.Include.NON_NULL) ClassFamilies families,
                  @JsonProperty("trained_by") @JsonInclude(JsonInclude.Include.NON_NULL) String trainedBy) {
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
        write(file, vnet, theta, null);
    }

    /**
     * @param file target (replaced atomically)
     * @param vnet the network's shape
     * @param theta its parameters
     * @param trainedBy the run that trained it, in words (e.g. its method, data and directory), or null
     * @throws IOException when writing fails
     */
    public static void write(Path file, WeightNet vnet, Parameters theta, String trainedBy) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>(theta.asMap());
        Header header = new Header(vnet.hidden(), vnet.families(), trainedBy);
        new ArrayArchive(KIND, Json.MAPPER.writeValueAsString(header), arrays).write(file);
    }

    /**
     * @param file an exported V
     * @return where it came from, for a run's metrics: the file's absolute path and the run that trained it
     * @throws IOException when unreadable
     */
    public static String origin(Path file) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        Header h = a.header(file, a.headerTree(file), Header.class);
        return file.toAbsolutePath().normalize() + (h.trainedBy() == null ? "" : ", trained by " + h.trainedBy());
    }

    /**
     * @param file an exported V
     * @param vnet the network it must fit
     * @param dataType the type wanted
     * @return its parameters
     * @throws IOException when unreadable
     * @throws IllegalArgumentException when it holds another kind of V (plain or class-aware, another hidden width or
     *     head count), naming both
     */
    public static Parameters read(Path file, WeightNet vnet, DataType dataType) throws IOException {
        ArrayArchive a = ArrayArchive.read(file, KIND);
        Header h = a.header(file, a.headerTree(file), Header.class);
        String saved = describe(h.hidden(), h.families() == null ? 1 : h.families().count(), h.families() != null);
        String wanted = describe(vnet.hidden(), vnet.heads(), vnet.families() != null);
        if (!saved.equals(wanted)) {
            throw new IllegalArgumentException(file + " holds " + saved + "; this run's V is " + wanted
                    + " (--v-hidden, --method and --families set it)");
        }
        Parameters theta = vnet.init(0, dataType);
        theta.load(a.group(""), file.toString());
        return theta;
    }

    /** @return a V's kind in words, e.g. "a class-aware V (cmwnet) of hidden size 100 with 3 family heads" */
    private static String describe(int hidden, int heads, boolean classAware) {
        return classAware ? "a class-aware V (" + Method.listed(Method::classAware)
                + ") of hidden size " + hidden + " with " + heads + " family heads"
                : "a plain V of hidden size " + hidden;
    }
}
