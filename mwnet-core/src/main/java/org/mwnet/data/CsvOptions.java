package org.mwnet.data;

import java.util.Set;

/**
 * Which columns of a CSV table {@link CsvTables} reads: the label column, and columns to leave out (ids, free text).
 * Every other column is a numeric feature.
 *
 * @param labelColumn the header name of the column holding the labels (class names or integers from 0)
 * @param excluded header names of columns that are neither features nor the label
 */
public record CsvOptions(String labelColumn, Set<String> excluded) {
    /** Copies the set and checks the label column is not excluded. */
    public CsvOptions {
        excluded = Set.copyOf(excluded);
        if (excluded.contains(labelColumn)) {
            throw new IllegalArgumentException("the label column '" + labelColumn + "' cannot also be excluded");
        }
    }

    /** @param labelColumn the label column's header name @return options that read every other column */
    public static CsvOptions label(String labelColumn) {
        return new CsvOptions(labelColumn, Set.of());
    }

    /** @param columns header names to leave out @return a copy that also leaves these out */
    public CsvOptions excluding(String... columns) {
        return new CsvOptions(labelColumn, Set.of(columns));
    }
}
