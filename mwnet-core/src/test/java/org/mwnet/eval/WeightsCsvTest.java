package org.mwnet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weights.csv written and read back, and the one-line messages for malformed files. */
class WeightsCsvTest {
    private static final String HEADER = String.join(",", WeightsCsv.COLUMNS) + "\n";

    @TempDir
    Path tmp;

    @Test
    void roundTripsRowsWithQuotedIdsAndUnknownTrueLabels() throws Exception {
        List<SampleReport> rows = List.of(
                new SampleReport("0", 3, 0.25, 0.75, 3, 0.8, Math.exp(-0.25), 3, false, 0xffffffffL),
                new SampleReport("dogs/a, \"b\".png", 1, 2.5, 1e-9, 4, 0.6, Math.exp(-2.5), 4, true, 0),
                new SampleReport("x", 0, 0.1, 0.5, 0, 0.9, Math.exp(-0.1), null, null, 0x0a1b2c3dL));
        Path file = tmp.resolve("weights.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            WeightsCsv.write(rows, out);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(HEADER.strip());
        assertThat(lines.get(2)).startsWith("\"dogs/a, \"\"b\"\".png\",1,2.5,1.0E-9,4,0.6,");
        assertThat(lines.get(1)).endsWith(",3,false,ffffffff");
        assertThat(lines.get(2)).endsWith(",4,true,00000000");
        assertThat(lines.get(3)).endsWith(",,,0a1b2c3d");
        assertThat(WeightsCsv.read(file)).isEqualTo(rows);
    }

    @Test
    void aRunWithoutVLeavesTheWeightColumnEmpty() throws Exception {
        List<SampleReport> rows = List.of(
                new SampleReport("0", 3, 0.25, null, 3, 0.8, Math.exp(-0.25), 3, false, 1),
                new SampleReport("1", 1, 2.5, null, 4, 0.6, Math.exp(-2.5), 4, true, 2));
        Path file = tmp.resolve("weights.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            WeightsCsv.write(rows, out);
        }
        assertThat(Files.readAllLines(file).get(1)).startsWith("0,3,0.25,,3,0.8,");
        assertThat(WeightsCsv.read(file)).isEqualTo(rows).noneMatch(SampleReport::weighted);
        assertThat(readError(HEADER + "0,3,0.25,,3,0.8,0.7,3,false,00000001\n1,3,0.25,0.5,3,0.8,0.7,3,false,00000002\n"))
                .isEqualTo("FILE row 2, column weight: found \"0.5\", expected none as in row 1");
    }

    private String readError(String content) throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            WeightsCsv.read(file);
        } catch (IllegalArgumentException e) {
            return e.getMessage().replace(file.toString(), "FILE");
        }
        throw new AssertionError("accepted " + content);
    }

    @Test
    void malformedFilesNameTheRowAndColumn() throws Exception {
        String good = "0,1,0.5,0.5,1,0.6,0.6,1,false,00000000\n";
        assertThat(readError(HEADER + good + "1,1,0.5,heavy,1,0.6,0.6,1,false,00000000\n"))
                .isEqualTo("FILE row 2, column weight: found \"heavy\", expected a number in [0.0, 1.0]");
        assertThat(readError(HEADER + "0,1,0.5,0.5,1,1.5,0.6,1,false,00000000\n"))
                .isEqualTo("FILE row 1, column predicted_probability: found \"1.5\", expected a number in [0.0, 1.0]");
        assertThat(readError(HEADER + "0,-1,0.5,0.5,1,0.6,0.6,1,false,00000000\n"))
                .isEqualTo("FILE row 1, column observed_label: found \"-1\", expected a class index (an integer >= 0)");
        assertThat(readError(HEADER + "0,1,0.5,0.5,1,0.6,0.6,1,maybe,00000000\n"))
                .isEqualTo("FILE row 1, column corrupted: found \"maybe\", expected true or false");
        assertThat(readError(HEADER + good + "0,1,0.5\n")).isEqualTo("FILE row 2: 3 fields, expected 10");
        assertThat(readError(HEADER + "0,1,0.5,0.5,1,0.6,0.6,1,false,ABCDEF01\n"))
                .isEqualTo("FILE row 1, column sample_crc32: found \"ABCDEF01\", expected a CRC32 as 8 lower-case "
                        + "hexadecimal digits");
        assertThat(readError(HEADER + "0,1,0.5,0.5,1,0.6,0.6,1,false,abc\n"))
                .isEqualTo("FILE row 1, column sample_crc32: found \"abc\", expected a CRC32 as 8 lower-case "
                        + "hexadecimal digits");
        assertThat(readError(HEADER + "0,1,0.5,0.5,1,0.6,0.6,,false,00000000\n"))
                .isEqualTo("FILE row 1: clean_label \"\" and corrupted \"false\", expected both empty or both given");
        assertThat(readError("id,weight\n")).isEqualTo("FILE: header id,weight, expected " + HEADER.strip());
        assertThat(readError("")).isEqualTo("FILE is empty, expected the header " + HEADER.strip());
        assertThat(readError(HEADER + "\"0,1,0.5,0.5,1,0.6,0.6,1,false\n")).startsWith("FILE: ").doesNotContain("\n");
    }
}
