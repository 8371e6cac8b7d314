package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.DataFormatException;
import org.mwnet.data.IdxSource;
import org.mwnet.data.InputSettings;
import org.mwnet.io.Json;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Model;
import org.nd4j.linalg.api.buffer.DataType;

/** Checkpoint headers that are damaged, or declare a model no machine here could hold, end in one line. */
class CheckpointHeaderTest {
    @TempDir
    Path dir;

    /** @return the header of a checkpoint written before training started, as JSON */
    private static ObjectNode validHeader() {
        CheckpointHeader h = new CheckpointHeader(CheckpointHeader.FORMAT, TrainConfig.defaults(),
                new DataSettings("fashion-mnist", "uniform", 0.4, 1, 1000, 0, 1, new InputSettings("fashion-mnist",
                        List.of("0", "1"), 1, 28, 28, IdxSource.FASHION_MNIST.normalization(), List.of())),
                new DataFingerprint(58000, 1000, 0, 10000, 12345, 67890), null, null, 0, 0, 0, 0, 0, 0, List.of());
        return Json.MAPPER.valueToTree(h);
    }

    private Path checkpoint(String header) throws IOException {
        Path f = dir.resolve("checkpoint.zip");
        new ArrayArchive("checkpoint", header, Map.of()).write(f);
        return f;
    }

    @Test
    void theValidHeaderReadsBack() throws IOException {
        Checkpoint.Saved saved = Checkpoint.read(checkpoint(validHeader().toString()));
        assertThat(saved.config()).isEqualTo(TrainConfig.defaults());
        assertThat(saved.data().metaSize()).isEqualTo(1000);
    }

    @Test
    void aCutOffHeaderIsNamedCorrupt() throws IOException {
        Path f = checkpoint("{\"format\": 3, \"config\": {\"model\": \"mlp\"");
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": corrupt mwnet checkpoint header (Unexpected end-of-input: expected close marker for "
                        + "Object)");
    }

    @Test
    void aValueTheConfigurationRefusesIsNamedCorrupt() throws IOException {
        ObjectNode h = validHeader();
        ((ObjectNode) h.get("config")).put("hidden", -5);
        Path f = checkpoint(h.toString());
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": corrupt mwnet checkpoint header (hidden must be at least 1, got -5)");
    }

    @Test
    void aMissingPartIsNamedCorrupt() throws IOException {
        ObjectNode h = validHeader();
        h.remove("fingerprint");
        Path f = checkpoint(h.toString());
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": corrupt mwnet checkpoint header (no data fingerprint)");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedCorrupt() throws IOException {
        ObjectNode h = validHeader();
        ((ObjectNode) h.get("config")).put("epochs", "many");
        Path f = checkpoint(h.toString());
        assertThatThrownBy(() -> Checkpoint.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": corrupt mwnet checkpoint header (")
                .hasMessageContaining("\"many\"").hasMessageNotContaining("Source").hasMessageNotContaining("\n");
    }

    @Test
    void aModelTooLargeForThisJvmIsRefusedBeforeItIsAllocated() throws IOException {
        ObjectNode h = validHeader();
        ((ObjectNode) h.get("config")).put("hidden", 50_000_000);
        Path f = checkpoint(h.toString());
        Checkpoint.Saved saved = Checkpoint.read(f);
        // 784 * 5e7 + 5e7 * 5e7 + 5e7 * 10 weights and 2 * 5e7 + 10 biases: 2.5000044e15 floats, 1.0e16 bytes, twice
        assertThat(2 * MemoryBudget.parameterBytes(Model.MLP.build(new long[] {1, 28, 28}, 10, 50_000_000),
                DataType.FLOAT)).isEqualTo(2 * 4 * (784 * 5e7 + 5e7 * 5e7 + 5e7 * 10 + 2 * 5e7 + 10));
        assertThatThrownBy(() -> saved.classifier(new long[] {1, 28, 28}, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": its mlp of width 50000000 needs 1.86e+07 GiB for its "
                        + "parameters, more than this JVM's memory limit of ");
    }

    @Test
    void aDamagedWeightNetHeaderIsNamedCorrupt() throws IOException {
        Path f = dir.resolve("v.zip");
        new ArrayArchive("vnet", "{\"hidden\": \"wide\"}", Map.of()).write(f);
        assertThatThrownBy(() -> WeightNetFile.read(f, new WeightNet(100), DataType.FLOAT))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": corrupt mwnet vnet header (").hasMessageContaining("\"wide\"");
    }
}
