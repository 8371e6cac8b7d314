package org.mwnet.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mwnet.data.SampleStream;
import org.mwnet.io.AtomicFiles;

/**
 * The {@code predictions.csv} format: a header, then one row per sample in input order: {@code id} (relative path,
 * CSV data-row number from 1, or array index from 0), {@code predicted} (the most probable class's name, the first
 * on a tie), {@code probability} (its probability), then {@code p_<class name>} for every class in label order.
 * RFC 4180 quoting, so ids and class names may hold commas or quotes.
 */
public final class PredictionsCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private PredictionsCsv() {
    }

    /**
     * @param classes class names, in label order
     * @return the header
     */
    public static List<String> columns(List<String> classes) {
        List<String> columns = new ArrayList<>(List.of("id", "predicted", "probability"));
        classes.forEach(c -> columns.add("p_" + c));
        return columns;
    }

    /**
     * Classifies every sample of a stream, a chunk at a time, and writes the rows as they come, atomically: the file
     * appears complete or not at all (an existing one is replaced only on success).
     *
     * @param file the file to write
     * @param samples the samples, opened with the predictor's input settings
     * @param predictor the classifier
     * @param batch how many samples to read and classify at a time
     * @return the number of rows written
     * @throws IOException an input's error as the stream reports it (naming the input), or a write's failure
     *     (naming the file)
     */
    public static long write(Path file, SampleStream samples, Predictor predictor, int batch) throws IOException {
        long[] rows = {0};
        try {
            AtomicFiles.write(file, out -> {
                CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
                printer.printRecord(columns(predictor.classes()));
                for (SampleStream.Chunk chunk = next(samples, batch); chunk != null; chunk = next(samples, batch)) {
                    double[][] p = predictor.probabilities(chunk);
                    for (int i = 0; i < chunk.size(); i++) {
                        printer.printRecord(row(chunk.ids().get(i), p[i], predictor.classes()));
                    }
                    rows[0] += chunk.size();
                }
                printer.flush();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    /**
     * Reads a chunk. An input's error leaves {@link AtomicFiles#write} unchecked, so that it reaches the caller as
     * it is, not as a failure to write the file.
     */
    private static SampleStream.Chunk next(SampleStream samples, int batch) {
        try {
            return samples.next(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(String id, double[] p, List<String> classes) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        List<Object> row = new ArrayList<>(p.length + 3);
        row.add(id);
        row.add(classes.get(best));
        row.add(p[best]);
        for (double v : p) {
            row.add(v);
        }
        return row;
    }
}
