package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a Dataset promises: it is immutable whatever the caller does with its arrays, and its labels are classes. */
class DatasetContractTest {
    @Test
    void changingTheCallersArraysDoesNotChangeTheSet() {
        float[] pixels = {0, 1, 2, 3};
        int[] labels = {0, 1};
        int[] clean = {0, 1};
        Dataset d = new Dataset("t", 2, 1, 1, 2, pixels, labels, clean);
        long before = d.sampleChecksum(0);
        pixels[0] = 9;
        labels[0] = 1;
        clean[1] = 0;
        assertThat(d.sampleChecksum(0)).isEqualTo(before);
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(d.cleanLabels()).containsExactly(0, 1);
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() {
        assertThatThrownBy(() -> new Dataset("t", 2, 1, 1, 1, new float[] {0, 1}, new int[] {0, 2}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t: label 2 of sample 1 is outside the 2 classes [0, 2)");
        assertThatThrownBy(() -> new Dataset("t", 2, 1, 1, 1, new float[] {0, 1}, new int[] {0, 1}, new int[] {-1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t: clean label -1 of sample 0 is outside the 2 classes [0, 2)");
    }
}
