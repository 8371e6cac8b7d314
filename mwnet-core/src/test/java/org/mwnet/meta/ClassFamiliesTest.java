package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CMW-Net's class families: the exact 1-D k-means against a brute force over every assignment of classes to
 * families, its numbering by mean count, its handling of ties and of classes without samples, and its refusals.
 */
class ClassFamiliesTest {
    @Test
    void groupsTheCountsAsTheBestOfEveryAssignmentDoes() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int classes = 3 + random.nextInt(5);
            int families = 1 + random.nextInt(Math.min(3, classes));
            int[] counts = random.ints(classes, 0, trial % 2 == 0 ? 6 : 5000).toArray();
            ClassFamilies found = ClassFamilies.ofCounts(counts, families);
            assertThat(squaredError(counts, found)).as("counts %s into %d", Arrays.toString(counts), families)
                    .isCloseTo(bruteForceBest(counts, families), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void numbersTheFamiliesFromTheRarestClassesUp() {
        // a long tail: 5000, 2000, 1000, ... ; the largest classes form family 2
        int[] counts = {5000, 2900, 1700, 1000, 600, 350, 200, 120, 70, 50};
        ClassFamilies f = ClassFamilies.ofCounts(counts, 3);
        assertThat(f.classes(2)).containsExactly(0);
        assertThat(f.classes(1)).containsExactly(1, 2);
        assertThat(f.classes(0)).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(f.of(new int[] {9, 0, 1})).containsExactly(0, 2, 1);
    }

    @Test
    void countsTheObservedLabelsAndGivesAClassWithoutSamplesTheRarestFamily() {
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 1, 3};
        ClassFamilies f = ClassFamilies.ofLabels(labels, 4, 3);
        // counts 6, 3, 0, 1: {2, 3} (0 and 1 samples), {1}, {0}
        assertThat(f.familyOfClass()).containsExactly(2, 1, 0, 0);
    }

    @Test
    void equalCountsAreSplitByClassIndexTheSameWayEveryTime() {
        int[] counts = {10, 10, 10, 10};
        ClassFamilies f = ClassFamilies.ofCounts(counts, 2);
        assertThat(f).isEqualTo(ClassFamilies.ofCounts(counts.clone(), 2));
        assertThat(f.classes(0)).isNotEmpty();
        assertThat(f.classes(1)).isNotEmpty();
        assertThat(f.count()).isEqualTo(2);
    }

    @Test
    void refusesMoreFamiliesThanClassesAndMapsThatDoNotCoverEveryFamily() {
        assertThatThrownBy(() -> ClassFamilies.ofCounts(new int[] {1, 2}, 3))
                .hasMessage("3 class families for 2 classes; expected 1 to 2");
        assertThatThrownBy(() -> ClassFamilies.ofCounts(new int[] {1, 2}, 0))
                .hasMessage("0 class families for 2 classes; expected 1 to 2");
        assertThatThrownBy(() -> new ClassFamilies(List.of(0, 0, 2), 3)).hasMessage("class family 1 has no class");
        assertThatThrownBy(() -> new ClassFamilies(List.of(0, 3), 2))
                .hasMessage("class 1 is in family 3; expected 0 to 1");
    }

    /** The least within-family squared error over all F^K assignments that use every family. */
    private static double bruteForceBest(int[] counts, int families) {
        int k = counts.length;
        double best = Double.POSITIVE_INFINITY;
        int[] assignment = new int[k];
        for (long code = 0; code < (long) Math.pow(families, k); code++) {
            long c = code;
            boolean[] used = new boolean[families];
            for (int i = 0; i < k; i++) {
                assignment[i] = (int) (c % families);
                used[assignment[i]] = true;
                c /= families;
            }
            boolean all = true;
            for (boolean u : used) {
                all &= u;
            }
            if (all) {
                best = Math.min(best, squaredError(counts, assignment, families));
            }
        }
        return best;
    }

    private static double squaredError(int[] counts, ClassFamilies f) {
        return squaredError(counts, f.familyOfClass().stream().mapToInt(Integer::intValue).toArray(), f.count());
    }

    private static double squaredError(int[] counts, int[] family, int families) {
        double error = 0;
        for (int g = 0; g < families; g++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < counts.length; i++) {
                if (family[i] == g) {
                    sum += counts[i];
                    n++;
                }
            }
            double mean = sum / n;
            for (int i = 0; i < counts.length; i++) {
                if (family[i] == g) {
                    error += (counts[i] - mean) * (counts[i] - mean);
                }
            }
        }
        return error;
    }
}
