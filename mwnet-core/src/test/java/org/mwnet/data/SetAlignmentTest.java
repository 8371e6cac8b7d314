package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sets and label files put on the training classes: by name, by index, widened when numbered, or refused. */
class SetAlignmentTest {
    @TempDir
    Path dir;

    /** @return a set of one-value samples with these labels among these classes */
    private static LabelledData set(List<String> classes, int... labels) {
        float[] values = new float[labels.length];
        Dataset d = new Dataset("s", classes.size(), 1, 1, 1, values, labels, labels.clone());
        return LabelledData.of(d, classes, IntStream.range(0, labels.length).mapToObj(i -> "id" + i).toList());
    }

    private static List<String> numbers(int k) {
        return IntStream.range(0, k).mapToObj(Integer::toString).toList();
    }

    @Test
    void namedClassesAreMatchedByNameAndATestSetMayHoldFewer() {
        LabelledData train = set(List.of("cat", "dog", "fox"), 0, 1, 2, 2);
        LabelledData trusted = set(List.of("cat", "dog", "fox"), 2, 1, 0);
        List<LabelledData> both = SetAlignment.trainAndTrusted("T", train, "M", trusted);
        assertThat(both.get(1).data().labels()).containsExactly(2, 1, 0);
        LabelledData test = SetAlignment.onto("T", train, "X", set(List.of("dog", "fox"), 0, 1, 1));
        assertThat(test.classes()).containsExactly("cat", "dog", "fox");
        assertThat(test.data().labels()).as("dog is class 1 of the training set, fox 2").containsExactly(1, 2, 2);
        assertThat(test.data().numClasses()).isEqualTo(3);
    }

    @Test
    void numberedClassesWidenToTheLargerCountAndEveryClassNeedsBothSets() {
        List<LabelledData> both = SetAlignment.trainAndTrusted("T", set(numbers(3), 0, 1, 2, 2),
                "M", set(numbers(3), 2, 1, 0));
        assertThat(both.get(0).classes()).isEqualTo(numbers(3));
        assertThatThrownBy(() -> SetAlignment.trainAndTrusted("T", set(numbers(2), 0, 1), "M",
                set(numbers(3), 0, 1, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class '2' is in M but not in T; expected the same classes in both");
        assertThatThrownBy(() -> SetAlignment.trainAndTrusted("T", set(numbers(3), 0, 2), "M", set(numbers(3), 0, 2)))
                .hasMessage("class '1' has no sample in T nor in M; expected every class 0..2 in both, the classes "
                        + "running up to the largest label: 2, first at sample id1 of T");
        assertThatThrownBy(() -> SetAlignment.onto("T", set(numbers(2), 0, 1), "X", set(numbers(6), 0, 1, 5)))
                .as("the label that is out of range is named with its sample, not the first gap below it")
                .hasMessage("class '5' of X (sample id2) is out of range; expected a class index 0..1 or a training "
                        + "class name [0, 1]");
        assertThat(SetAlignment.onto("T", set(numbers(3), 0, 1, 2), "X", set(numbers(3), 0, 2)).data().labels())
                .as("a test set may lack a class").containsExactly(0, 2);
    }

    @Test
    void labelFilesGiveNamesOrIndicesInTextCsvOrNpy() throws IOException {
        LabelledData train = set(List.of("cat", "dog", "fox"), 0, 0, 0);
        Path names = Files.writeString(dir.resolve("names.txt"), "\uFEFFfox\n dog \ncat\n\n\n");
        assertThat(SetAlignment.observedLabels("T", train, LabelList.read(names, "label")).data().labels())
                .containsExactly(2, 1, 0);
        Path indices = Files.writeString(dir.resolve("indices.csv"), "noisy\n2\n2\n1\n");
        LabelledData relabelled = SetAlignment.trueLabels("T", train, LabelList.read(indices, "label"));
        assertThat(relabelled.data().cleanLabels()).containsExactly(2, 2, 1);
        assertThat(relabelled.data().labels()).as("observed labels kept").containsExactly(0, 0, 0);
        Path npy = Files.write(dir.resolve("y.npy"), NpyTestFiles.bytes("<i8", new long[] {3},
                NpyTestFiles.longs(1, 0, 1)));
        assertThat(SetAlignment.observedLabels("T", train, LabelList.read(npy, "label")).data().labels())
                .containsExactly(1, 0, 1);

        Path twoColumns = Files.writeString(dir.resolve("two.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> LabelList.read(twoColumns, "label")).isInstanceOf(DataFormatException.class)
                .hasMessage(twoColumns + ": has the columns [a, b]; expected one column, or a column named 'label' "
                        + "(the label column)");
        Path gap = Files.writeString(dir.resolve("gap.txt"), "cat\n\ndog\n");
        assertThatThrownBy(() -> LabelList.read(gap, "label")).isInstanceOf(DataFormatException.class)
                .hasMessage(gap + ": line 2 is empty; expected one label per line");
        Path mixed = Files.writeString(dir.resolve("mixed.txt"), "cat\n1\nfox\n");
        assertThatThrownBy(() -> SetAlignment.observedLabels("T", train, LabelList.read(mixed, "label")))
                .hasMessage(mixed + ": line 2: label '1' is not a training class; expected one of [cat, dog, fox] (or "
                        + "class indices 0..2 throughout)");
    }
}
