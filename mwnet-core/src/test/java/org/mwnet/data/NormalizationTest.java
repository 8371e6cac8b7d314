package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Statistics fitted on a training set and applied to another set, as for data read from a user's files. */
class NormalizationTest {
    @Test
    void fitsPerChannelMeanAndStdAndAppliesThemToAnotherSet() {
        // two samples of 2 channels x 1 x 2: channel 0 holds 1, 3, 5, 7 (mean 4, std sqrt(5)); channel 1 is all 2
        float[] px = {1, 3, 2, 2, 5, 7, 2, 2};
        Dataset train = new Dataset("t", 2, 2, 1, 2, px, new int[] {0, 1}, new int[] {0, 1});
        Normalization n = Normalization.fit(train);
        assertThat(n.mean()).containsExactly(new double[] {4, 2}, within(1e-12));
        assertThat(n.std()).containsExactly(new double[] {Math.sqrt(5), 1}, within(1e-12));
        Dataset other = new Dataset("o", 2, 2, 1, 2, new float[] {4, 6, 3, 1}, new int[] {1}, new int[] {0});
        Dataset out = n.applyTo(other);
        assertThat(SampleValues.of(out))
                .containsExactly((float) (0 / Math.sqrt(5)), (float) (2 / Math.sqrt(5)), 1f, -1f);
        assertThat(out.labels()).containsExactly(1);
        assertThat(out.cleanLabels()).containsExactly(0);
        Dataset grey = new Dataset("g", 2, 1, 1, 2, new float[] {1, 2}, new int[] {0}, new int[] {0});
        assertThatThrownBy(() -> n.applyTo(grey)).hasMessage("g has 1 channels; this normalisation has 2");
    }
}
