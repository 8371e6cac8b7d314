package org.mwnet.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.mwnet.data.DataFormatException;
import org.mwnet.io.AtomicFiles;
import org.mwnet.io.Json;

/**
 * The files a run on the user's own data read, as absolute paths ({@code inputs.json} in its run directory), so that
 * {@code suspects} can show the training images behind the ids in {@code weights.csv}. A run on a built-in dataset
 * writes none: its checkpoint's data settings redraw the same splits.
 *
 * @param train the training set (image folder, CSV, {@code .npy} samples or {@code .npz})
 * @param trainLabels the training samples' labels when a file of their own held them (the {@code .npy} labels beside
 *     {@code .npy} samples, or a label list replacing the training set's labels), or null
 * @param meta the trusted set, or null when it was carved out of the training set
 * @param test the test set, or null
 * @param cleanLabels the label list of the training samples' true labels, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInputs(String train, @JsonProperty("train_labels") String trainLabels, String meta, String test,
                        @JsonProperty("clean_labels") String cleanLabels) {

    /**
     * @param file where to write it (atomically)
     * @throws IOException when it cannot be written
     */
    void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> Json.MAPPER.writeValue(out, this));
    }

    /**
     * @param file a run directory's inputs.json
     * @return its content
     * @throws IOException when it cannot be read or is not such a file
     */
    static RunInputs read(Path file) throws IOException {
        RunInputs inputs;
        try {
            inputs = Json.MAPPER.readValue(file.toFile(), RunInputs.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DataFormatException(file, "not a run's inputs.json (" + e.getOriginalMessage() + ")");
        }
        if (inputs.train() == null) {
            throw new DataFormatException(file, "names no training set; expected a \"train\" path");
        }
        return inputs;
    }

    /** @return the training set's path */
    Path trainPath() {
        return Path.of(train);
    }
}
