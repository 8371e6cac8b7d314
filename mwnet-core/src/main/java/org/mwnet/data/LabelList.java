package org.mwnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A list of labels read from a file, one per sample, as users keep external labels (real-noise benchmarks such as
 * CIFAR-10N ship them this way). By the file's extension:
 * <ul>
 *   <li>{@code .npy}: a 1-D array of integers from 0 (entries named "index i", from 0);</li>
 *   <li>{@code .csv}: a table with a header row; the labels are the column named like the data's label column, or
 *       the table's only column (entries named "row i", from 1, the header not counted);</li>
 *   <li>anything else: UTF-8 text, one label per line (entries named "line i", from 1); blank lines at the end are
 *       ignored.</li>
 * </ul>
 * A label is a class name or a class index; {@link SetAlignment} resolves them against the classes.
 *
 * @param file the file
 * @param values the labels as written, stripped of surrounding spaces
 * @param entry what an entry is called in messages: "index", "row" or "line"
 * @param first the number of the first entry (0 for indices, 1 for rows and lines)
 */
public record LabelList(Path file, List<String> values, String entry, int first) {
    /** Copies the values. */
    public LabelList {
        values = List.copyOf(values);
    }

    /**
     * @param file the labels' file
     * @param labelColumn the column a CSV file's labels are in, unless it has only one column
     * @return its labels
     * @throws DataFormatException naming the file and the entry: no labels, an empty label, a CSV that is empty,
     *     names a column twice, lacks that column or has a ragged row, text that is not UTF-8, or an {@code .npy}
     *     that is not 1-D integers from 0
     * @throws IOException when the file is missing or unreadable
     */
    public static LabelList read(Path file, String labelColumn) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        LabelList list;
        if (name.endsWith(".npy")) {
            list = new LabelList(file, Arrays.stream(NpyFiles.labels(file)).mapToObj(Integer::toString).toList(),
                    "index", 0);
        } else if (name.endsWith(".csv")) {
            list = csv(file, labelColumn);
        } else {
            list = text(file);
        }
        if (list.values.isEmpty()) {
            throw new DataFormatException(file, "holds no labels; expected one per sample");
        }
        return list;
    }

    /**
     * @param i an entry's position in {@link #values}, from 0
     * @return how messages name it, e.g. "line 3"
     */
    public String where(int i) {
        return entry + " " + (i + first);
    }

    private static LabelList csv(Path file, String labelColumn) throws IOException {
        try (CSVParser parser = CsvTables.open(file)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains(labelColumn) && header.size() != 1) {
                throw new DataFormatException(file, "has the columns " + header + "; expected one column, or a "
                        + "column named '" + labelColumn + "' (the label column)");
            }
            String column = header.contains(labelColumn) ? labelColumn : header.get(0);
            List<String> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                int row = values.size() + 1;
                if (record.size() != header.size()) {
                    throw new DataFormatException(file, "row " + row + " has " + record.size() + " fields; expected "
                            + header.size() + " as in the header");
                }
                String v = record.get(column);
                if (v.isEmpty()) {
                    throw new DataFormatException(file, "row " + row + ", column '" + column + "': missing label; "
                            + "expected a class name or index");
                }
                values.add(v);
            }
            return new LabelList(file, values, "row", 1);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CsvTables.notATable(file, e);
        }
    }

    private static LabelList text(Path file) throws IOException {
        String content;
        try (var in = DataFiles.open(file)) {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, "is not UTF-8 text; expected one label per line (or a .csv or .npy "
                    + "file)");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1); // a byte-order mark, as some editors write
        }
        List<String> lines = new ArrayList<>(content.lines().map(String::strip).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int blank = lines.indexOf("");
        if (blank >= 0) {
            throw new DataFormatException(file, "line " + (blank + 1) + " is empty; expected one label per line");
        }
        return new LabelList(file, lines, "line", 1);
    }
}
