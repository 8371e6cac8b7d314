package org.mwnet.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code weights.csv} format: a header, then one {@link SampleReport} per row, RFC 4180 quoting (so ids may be
 * file paths holding commas or quotes). An unknown clean label leaves {@code clean_label} and {@code corrupted} empty;
 * a run without V (every method but mwnet) leaves {@code weight} empty in every row. {@code sample_crc32} is the
 * sample's {@link SampleReport#sampleCrc32} as 8 lower-case hexadecimal digits.
 */
public final class WeightsCsv {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "observed_label", "loss", "weight", "predicted_label",
            "predicted_probability", "observed_probability", "clean_label", "corrupted", "sample_crc32");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private WeightsCsv() {
    }

    /**
     * @param rows the samples
     * @param out where the file's bytes go (UTF-8); flushed, not closed
     * @throws IOException when writing fails
     */
    public static void write(List<SampleReport> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        printer.printRecord(COLUMNS);
        for (SampleReport r : rows) {
            printer.printRecord(r.id(), r.observedLabel(), r.loss(), r.weighted() ? r.weight() : "", r.predictedLabel(),
                    r.predictedProbability(), r.observedProbability(), r.cleanLabel() == null ? "" : r.cleanLabel(),
                    r.corrupted() == null ? "" : r.corrupted(), hex(r.sampleCrc32()));
        }
        printer.flush();
    }

    /** @return a CRC32 as written in {@code sample_crc32}: 8 lower-case hexadecimal digits */
    private static String hex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    /**
     * @param file a weights.csv
     * @return its rows, in order
     * @throws IllegalArgumentException when the file is malformed, or gives weights in some rows and not in others;
     *     the message names the file, the row (1 is the first after the header) and column, what was found and what
     *     was expected
     * @throws IOException when the file cannot be read
     */
    public static List<SampleReport> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            List<SampleReport> rows = new ArrayList<>();
            int row = -1;
            for (CSVRecord rec : parser) {
                if (++row == 0) {
                    if (!rec.toList().equals(COLUMNS)) {
                        throw new IllegalArgumentException(file + ": header " + String.join(",", rec.toList())
                                + ", expected " + String.join(",", COLUMNS));
                    }
                    continue;
                }
                SampleReport r = new Row(file, row, rec).parse();
                if (!rows.isEmpty() && r.weighted() != rows.get(0).weighted()) {
                    throw new IllegalArgumentException(file + " row " + row + ", column weight: found \""
                            + rec.get(3) + "\", expected " + (rows.get(0).weighted() ? "a weight" : "none")
                            + " as in row 1");
                }
                rows.add(r);
            }
            if (row < 0) {
                throw new IllegalArgumentException(file + " is empty, expected the header " + String.join(",", COLUMNS));
            }
            return rows;
        } catch (UncheckedIOException e) {
            // commons-csv reports a broken quote while iterating
            throw new IllegalArgumentException(file + ": " + e.getCause().getMessage(), e);
        }
    }

    /** One data row being parsed, for messages that name it. */
    private record Row(Path file, int row, CSVRecord rec) {
        SampleReport parse() {
            if (rec.size() != COLUMNS.size()) {
                throw new IllegalArgumentException(file + " row " + row + ": " + rec.size() + " fields, expected "
                        + COLUMNS.size());
            }
            String clean = rec.get(7);
            String corrupted = rec.get(8);
            if (clean.isEmpty() != corrupted.isEmpty()) {
                throw new IllegalArgumentException(file + " row " + row + ": clean_label \"" + clean
                        + "\" and corrupted \"" + corrupted + "\", expected both empty or both given");
            }
            return new SampleReport(rec.get(0), label(1), number(2, 0, Double.POSITIVE_INFINITY),
                    rec.get(3).isEmpty() ? null : number(3, 0, 1),
                    label(4), number(5, 0, 1), number(6, 0, 1), clean.isEmpty() ? null : label(7),
                    corrupted.isEmpty() ? null : flag(8), crc32(9));
        }

        private IllegalArgumentException bad(int column, String expected) {
            return new IllegalArgumentException(file + " row " + row + ", column " + COLUMNS.get(column) + ": found \""
                    + rec.get(column) + "\", expected " + expected);
        }

        private int label(int column) {
            try {
                int v = Integer.parseInt(rec.get(column));
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(column, "a class index (an integer >= 0)");
        }

        private double number(int column, double min, double max) {
            try {
                double v = Double.parseDouble(rec.get(column));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(column, "a number in [" + min + ", " + (max == Double.POSITIVE_INFINITY ? "inf" : max) + "]");
        }

        private long crc32(int column) {
            String v = rec.get(column);
            if (v.matches("[0-9a-f]{8}")) {
                return Long.parseLong(v, 16);
            }
            throw bad(column, "a CRC32 as 8 lower-case hexadecimal digits");
        }

        private boolean flag(int column) {
            return switch (rec.get(column)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(column, "true or false");
            };
        }
    }
}
