package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV tables written here, read back exactly, and every malformed case refused naming the row and column. */
class CsvTablesTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text);
    }

    @Test
    void readsNamedLabelsSortedIntoClassesAndLeavesExcludedColumnsOut() throws IOException {
        Path f = csv("id,a,species,b\nx1,1.5,dog,2\nx2,-3,cat,4e-1\n\"x3\",0,emu,5\n");
        LabelledData d = Datasets.fromCsv(f, CsvOptions.label("species").excluding("id"));
        assertThat(d.classes()).containsExactly("cat", "dog", "emu");
        assertThat(d.data().labels()).containsExactly(1, 0, 2);
        assertThat(d.data().imageShape()).containsExactly(1, 1, 2);
        assertThat(SampleValues.of(d.data())).containsExactly(1.5f, 2, -3, 0.4f, 0, 5);
        assertThat(d.ids()).containsExactly("1", "2", "3");
    }

    @Test
    void readsATableSavedWithAByteOrderMarkAsSpreadsheetsSaveIt() throws IOException {
        LabelledData d = Datasets.fromCsv(csv("\uFEFFkind,f\ncat,1\ndog,2\n"), CsvOptions.label("kind"));
        assertThat(d.classes()).containsExactly("cat", "dog");
        assertThat(d.columns()).containsExactly("f");
    }

    @Test
    void readsIntegerLabelsAsTheirOwnClasses() throws IOException {
        LabelledData d = Datasets.fromCsv(csv("f,y\n1,3\n2,0\n"), CsvOptions.label("y"));
        assertThat(d.classes()).containsExactly("0", "1", "2", "3");
        assertThat(d.data().labels()).containsExactly(3, 0);
    }

    @Test
    void refusesAMissingLabelOrExcludedColumn() throws IOException {
        Path f = csv("a,b\n1,2\n");
        assertThatThrownBy(() -> Datasets.fromCsv(f, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": has no label column 'y'; its columns are [a, b]");
        assertThatThrownBy(() -> Datasets.fromCsv(f, CsvOptions.label("b").excluding("id")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": has no excluded column 'id'; its columns are [a, b]");
        Path wide = csv(String.join(",", java.util.stream.IntStream.rangeClosed(1, 784).mapToObj(i -> "f" + i)
                .toList()) + "\n" + "0,".repeat(783) + "0\n");
        assertThatThrownBy(() -> Datasets.fromCsv(wide, CsvOptions.label("label")))
                .isInstanceOf(DataFormatException.class).hasMessage(wide + ": has no label column 'label'; its "
                        + "columns are [f1, f2, f3, f4, f5, f6, f7, f8, ... (784 in all)]");
    }

    @Test
    void refusesMissingAndNonNumericValuesNamingRowAndColumn() throws IOException {
        Path missing = csv("a,b,y\n1,2,0\n3,,1\n");
        assertThatThrownBy(() -> Datasets.fromCsv(missing, CsvOptions.label("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(missing + ": row 2, column 'b': missing value; expected a number");
        Path text = csv("a,b,y\n1,2,0\nabc,4,1\n");
        assertThatThrownBy(() -> Datasets.fromCsv(text, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(text + ": row 2, column 'a': 'abc' is not a finite number; expected a number");
        Path nan = csv("a,y\nNaN,0\n");
        assertThatThrownBy(() -> Datasets.fromCsv(nan, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(nan + ": row 1, column 'a': 'NaN' is not a finite number; expected a number");
        Path noLabel = csv("a,y\n1,\n");
        assertThatThrownBy(() -> Datasets.fromCsv(noLabel, CsvOptions.label("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(noLabel + ": row 1, column 'y': missing label; expected a class name or an integer");
    }

    @Test
    void refusesARaggedRowNamingRowAndLine() throws IOException {
        Path f = csv("a,b,y\n1,2,0\n\n3,4,1,9\n");
        assertThatThrownBy(() -> Datasets.fromCsv(f, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": row 2 (line 4) has 4 fields; expected 3 as in the header");
    }

    @Test
    void refusesNegativeIntegerLabelsAndATableWithoutRows() throws IOException {
        Path negative = csv("a,y\n1,0\n2,-1\n");
        assertThatThrownBy(() -> Datasets.fromCsv(negative, CsvOptions.label("y")))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(negative + ": row 2, column 'y': label -1 is negative; expected integers from 0 or "
                        + "class names");
        Path empty = csv("a,y\n");
        assertThatThrownBy(() -> Datasets.fromCsv(empty, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": has a header but no data rows");
    }

    @Test
    void refusesBrokenQuotingAndDuplicateHeaders() throws IOException {
        Path quote = csv("a,y\n\"1,0\n");
        assertThatThrownBy(() -> Datasets.fromCsv(quote, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(quote + ": is not a CSV table with one header row: ");
        Path twice = csv("y,a,b, a \n0,1,2,3\n");
        assertThatThrownBy(() -> Datasets.fromCsv(twice, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(twice + ": the header names the column 'a' twice (columns 2 and 4); expected each column "
                        + "name once");
    }

    @Test
    void refusesAnEmptyFileSayingSo() throws IOException {
        Path empty = csv("");
        assertThatThrownBy(() -> Datasets.fromCsv(empty, CsvOptions.label("y"))).isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": is empty; expected a CSV table: a header row of column names, then one row per "
                        + "sample");
    }
}
