package org.mwnet.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV table, parsed a chunk at a time by Apache Commons CSV as {@link CsvTables} parses them; each
 * row's sample is the run's feature columns, picked by name in the run's order. See {@link SampleStreams}.
 */
final class CsvRowStream implements SampleStream {
    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final int[] index;
    private long row;

    private CsvRowStream(Path file, CSVParser parser, List<String> columns) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = columns;
        this.index = columns.stream().mapToInt(parser.getHeaderNames()::indexOf).toArray();
    }

    /**
     * Reads the header; the rows wait for {@link #next}.
     *
     * @param file the CSV file
     * @param columns the feature columns, in the run's order
     * @return the stream, to be closed
     * @throws DataFormatException naming a feature column the header lacks, or when the file is empty or no CSV
     *     table
     * @throws IOException when the file cannot be read
     */
    static CsvRowStream open(Path file, List<String> columns) throws IOException {
        CSVParser parser = CsvTables.open(file);
        try {
            for (String column : columns) {
                CsvTables.requireColumn(file, parser.getHeaderNames(), column, "feature");
            }
            return new CsvRowStream(file, parser, columns);
        } catch (DataFormatException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public Chunk next(int max) throws IOException {
        int d = columns.size();
        List<String> ids = new ArrayList<>();
        float[] values = new float[max * d];
        try {
            while (ids.size() < max && records.hasNext()) {
                CSVRecord record = records.next();
                row++;
                CsvTables.requireFullRow(file, row, parser, record);
                for (int j = 0; j < d; j++) {
                    values[ids.size() * d + j] = CsvTables.number(file, row, columns.get(j), record.get(index[j]));
                }
                ids.add(Long.toString(row));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CsvTables.notATable(file, e);
        }
        if (ids.isEmpty()) {
            if (row == 0) {
                throw new DataFormatException(file, "has a header but no data rows");
            }
            return null;
        }
        return new Chunk(ids, ids.size() == max ? values : Arrays.copyOf(values, ids.size() * d));
    }

    @Override
    public List<String> skipped() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
