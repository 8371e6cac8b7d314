package org.mwnet.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV table with a header row (parsed by Apache Commons CSV) into tabular samples for the MLP: each row's
 * numeric feature columns, in header order, become a [1, 1, D] "image", taken as they are (not rescaled). Labels
 * that are all integers from 0 are the classes 0..max; otherwise the distinct label names, sorted, are the classes.
 * A sample's id is its data-row number, from 1 (the header is not counted). The feature columns' names are kept
 * ({@link LabelledData#columns()}), so that other tables can be checked to hold the same columns in the same order.
 */
public final class CsvTables {
    /** How many column names a message lists before it shortens the list. */
    private static final int LISTED_COLUMNS = 8;

    /**
     * A header row, then data rows; surrounding spaces and empty lines ignored. Duplicate column names are let
     * through, to be refused by {@link #open} in its own words.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

    private CsvTables() {
    }

    /**
     * @param file the CSV file
     * @param options the label column and the columns to leave out
     * @return the rows, the class names and the row ids
     * @throws DataFormatException naming the file, row and column: an empty file, a column named twice, a missing
     *     label or excluded column, a ragged row, a missing or non-numeric value, a negative integer label, or no
     *     rows at all
     * @throws IOException when the file cannot be read
     */
    public static LabelledData read(Path file, CsvOptions options) throws IOException {
        try (CSVParser parser = open(file)) {
            List<String> header = parser.getHeaderNames();
            requireColumn(file, header, options.labelColumn(), "label");
            for (String column : options.excluded()) {
                requireColumn(file, header, column, "excluded");
            }
            List<String> features = header.stream()
                    .filter(c -> !c.equals(options.labelColumn()) && !options.excluded().contains(c)).toList();
            if (features.isEmpty()) {
                throw new DataFormatException(file, "has no feature column; expected numeric columns besides the label");
            }
            int[] featureIndex = features.stream().mapToInt(header::indexOf).toArray();
            int labelIndex = header.indexOf(options.labelColumn());
            List<float[]> rows = new ArrayList<>();
            List<String> labelValues = new ArrayList<>();
            for (CSVRecord record : parser) {
                long row = rows.size() + 1;
                requireFullRow(file, row, parser, record);
                float[] x = new float[featureIndex.length];
                for (int j = 0; j < x.length; j++) {
                    x[j] = number(file, row, features.get(j), record.get(featureIndex[j]));
                }
                String label = record.get(labelIndex);
                if (label.isEmpty()) {
                    throw new DataFormatException(file, "row " + row + ", column '" + options.labelColumn()
                            + "': missing label; expected a class name or an integer");
                }
                rows.add(x);
                labelValues.add(label);
            }
            if (rows.isEmpty()) {
                throw new DataFormatException(file, "has a header but no data rows");
            }
            return assemble(file, options.labelColumn(), features, rows, labelValues);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw notATable(file, e);
        }
    }

    /**
     * Opens a CSV table (a data table or a label file) and reads its header.
     *
     * @param file the CSV file
     * @return its parser, at the first data row; closing it closes the file
     * @throws DataFormatException naming the file when it is empty, names a column twice, or has no valid header
     * @throws IOException when the file cannot be read
     */
    static CSVParser open(Path file) throws IOException {
        Reader in = DataFiles.openText(file);
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            in.close();
            throw notATable(file, e);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        try {
            requireHeader(file, parser.getHeaderNames());
            return parser;
        } catch (DataFormatException e) {
            parser.close();
            throw e;
        }
    }

    /** @throws DataFormatException when the header is missing (an empty file) or names a column twice */
    private static void requireHeader(Path file, List<String> header) throws DataFormatException {
        if (header.isEmpty()) {
            throw new DataFormatException(file, "is empty; expected a CSV table: a header row of column names, then "
                    + "one row per sample");
        }
        for (int i = 0; i < header.size(); i++) {
            int again = header.subList(i + 1, header.size()).indexOf(header.get(i));
            if (again >= 0) {
                throw new DataFormatException(file, "the header names the column '" + header.get(i) + "' twice "
                        + "(columns " + (i + 1) + " and " + (i + again + 2) + "); expected each column name once");
            }
        }
    }

    /**
     * @param file the CSV file
     * @param e what Commons CSV threw: it reports a missing header name as an IllegalArgumentException, and
     *     broken quoting met while iterating as an UncheckedIOException
     * @return the one-line error naming the file
     */
    static DataFormatException notATable(Path file, RuntimeException e) {
        return new DataFormatException(file, "is not a CSV table with one header row: " + e.getMessage());
    }

    /**
     * @param file the CSV file
     * @param row the data row's number, from 1
     * @param parser the parser reading it
     * @param record the row
     * @throws DataFormatException when the row has another number of fields than the header
     */
    static void requireFullRow(Path file, long row, CSVParser parser, CSVRecord record) throws DataFormatException {
        int expected = parser.getHeaderNames().size();
        if (record.size() != expected) {
            throw new DataFormatException(file, "row " + row + " (line " + parser.getCurrentLineNumber()
                    + ") has " + record.size() + " fields; expected " + expected + " as in the header");
        }
    }

    private static LabelledData assemble(Path file, String labelColumn, List<String> features, List<float[]> rows,
                                         List<String> labelValues) throws DataFormatException {
        int n = rows.size();
        int d = features.size();
        boolean integers = labelValues.stream().allMatch(CsvTables::isInteger);
        List<String> classes = integers ? numberedClasses(file, labelColumn, labelValues)
                : List.copyOf(new TreeSet<>(labelValues));
        int[] y = new int[n];
        float[] x = new float[n * d];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String v = labelValues.get(i);
            y[i] = integers ? Integer.parseInt(v) : classes.indexOf(v);
            System.arraycopy(rows.get(i), 0, x, i * d, d);
            ids.add(Integer.toString(i + 1));
        }
        String name = file.getFileName().toString();
        return new LabelledData(Dataset.adopting(name, classes.size(), 1, 1, d, x, y, y.clone()), classes, ids,
                List.of(), List.of(), features);
    }

    /** Classes "0" to the largest label, for integer labels. */
    private static List<String> numberedClasses(Path file, String labelColumn, List<String> values)
            throws DataFormatException {
        int max = 0;
        for (int i = 0; i < values.size(); i++) {
            int y = Integer.parseInt(values.get(i));
            if (y < 0) {
                throw new DataFormatException(file, "row " + (i + 1) + ", column '" + labelColumn + "': label " + y
                        + " is negative; expected integers from 0 or class names");
            }
            max = Math.max(max, y);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            classes.add(Integer.toString(c));
        }
        return classes;
    }

    private static boolean isInteger(String s) {
        return s.matches("[+-]?\\d{1,9}");
    }

    /**
     * @param file the CSV file
     * @param row the data row's number, from 1
     * @param column the column's name
     * @param value the field
     * @return its value
     * @throws DataFormatException naming the row and column when the field is empty or not a finite number
     */
    static float number(Path file, long row, String column, String value) throws DataFormatException {
        String where = "row " + row + ", column '" + column + "': ";
        if (value.isEmpty()) {
            throw new DataFormatException(file, where + "missing value; expected a number");
        }
        try {
            float v = Float.parseFloat(value);
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the row and column
        }
        throw new DataFormatException(file, where + "'" + value + "' is not a finite number; expected a number");
    }

    /**
     * @param file the CSV file
     * @param header its column names
     * @param column a column that must be there
     * @param role what the column is for, in the message ("label", "feature")
     * @throws DataFormatException naming the column and listing the file's columns when it is missing
     */
    static void requireColumn(Path file, List<String> header, String column, String role)
            throws DataFormatException {
        if (!header.contains(column)) {
            throw new DataFormatException(file, "has no " + role + " column '" + column + "'; its columns are "
                    + listed(header));
        }
    }

    /** @return the column names as a list, the first few only (and the count) when there are many */
    private static String listed(List<String> header) {
        if (header.size() <= LISTED_COLUMNS) {
            return header.toString();
        }
        return "[" + String.join(", ", header.subList(0, LISTED_COLUMNS)) + ", ... (" + header.size() + " in all)]";
    }
}
