package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** True labels known apart from the files mark the samples whose observed label is wrong. */
class DatasetCleanLabelsTest {
    /** Three 1x1x1 samples read from files: observed labels 2, 0, 1 of 3 classes, nothing known to be wrong. */
    private final Dataset read = new Dataset("t", 3, 1, 1, 1, new float[] {5, 6, 7}, new int[] {2, 0, 1},
            new int[] {2, 0, 1});

    @Test
    void cleanLabelsMarkTheCorruptedSamplesAndKeepTheRest() {
        Dataset known = read.withCleanLabels(new int[] {2, 1, 1});
        assertThat(known.labels()).containsExactly(2, 0, 1);
        assertThat(known.cleanLabels()).containsExactly(2, 1, 1);
        assertThat(known.isCorrupted(1)).isTrue();
        assertThat(known.isCorrupted(0) || known.isCorrupted(2)).isFalse();
        assertThat(known.noisyFraction()).isEqualTo(1 / 3.0);
        assertThat(SampleValues.of(known)).containsExactly(5, 6, 7);
        assertThat(read.noisyFraction()).as("the original is unchanged").isZero();
    }

    @Test
    void refusesCleanLabelsOfAnotherCountOrOutOfRange() {
        assertThatThrownBy(() -> read.withCleanLabels(new int[] {0, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 3 clean labels, got 2");
        assertThatThrownBy(() -> read.withCleanLabels(new int[] {0, 3, 1}))
                .hasMessage("clean label 3 of sample 1 is outside [0, 3)");
    }
}
