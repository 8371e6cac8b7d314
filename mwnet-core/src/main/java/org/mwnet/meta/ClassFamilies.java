package org.mwnet.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CMW-Net's class families: the classes grouped by how many training samples carry their (noisy) label, by k-means
 * on those counts, so that a class-aware V ({@link WeightNet}) weights a sample by its loss and its class's family.
 * The 1-D k-means is solved exactly, by dynamic programming over the sorted counts (an optimal 1-D clustering is a
 * partition of the sorted values into runs), so it has no random start and the same counts always give the same
 * families. Families are numbered by their mean count, family 0 holding the rarest classes; a class with no training
 * samples counts 0 and joins family 0. Equal counts are ordered by class index, and among partitions of equal cost
 * the one whose runs end earliest wins.
 *
 * @param familyOfClass each class's family, by class index
 * @param count the number of families F
 */
public record ClassFamilies(@JsonProperty("family_of_class") List<Integer> familyOfClass, int count)
        implements Serializable {
    /** Checks that every class has a family in [0, F) and that no family is empty. */
    public ClassFamilies {
        familyOfClass = List.copyOf(familyOfClass);
        if (count < 1 || count > familyOfClass.size()) {
            throw new IllegalArgumentException(count + " class families for " + familyOfClass.size()
                    + " classes; expected 1 to " + familyOfClass.size());
        }
        boolean[] used = new boolean[count];
        for (int c = 0; c < familyOfClass.size(); c++) {
            int f = familyOfClass.get(c);
            if (f < 0 || f >= count) {
                throw new IllegalArgumentException("class " + c + " is in family " + f + "; expected 0 to "
                        + (count - 1));
            }
            used[f] = true;
        }
        for (int f = 0; f < count; f++) {
            if (!used[f]) {
                throw new IllegalArgumentException("class family " + f + " has no class");
            }
        }
    }

    /**
     * @param labels the training set's labels (the noisy, observed ones: the only ones a real run has)
     * @param numClasses K
     * @param families F, at most K
     * @return the families of the classes by their label counts
     */
    public static ClassFamilies ofLabels(int[] labels, int numClasses, int families) {
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        return ofCounts(counts, families);
    }

    /**
     * @param classCounts training samples per class
     * @param families F, from 1 to the number of classes
     * @return the optimal 1-D k-means clustering of the counts into F families
     * @throws IllegalArgumentException when F is out of range
     */
    public static ClassFamilies ofCounts(int[] classCounts, int families) {
        int k = classCounts.length;
        if (families < 1 || families > k) {
            throw new IllegalArgumentException(families + " class families for " + k + " classes; expected 1 to "
                    + k);
        }
        Integer[] order = IntStream.range(0, k).boxed()
                .sorted(Comparator.<Integer>comparingInt(c -> classCounts[c]).thenComparingInt(c -> c))
                .toArray(Integer[]::new);
        double[] sum = new double[k + 1];
        double[] squares = new double[k + 1];
        for (int i = 0; i < k; i++) {
            double v = classCounts[order[i]];
            sum[i + 1] = sum[i] + v;
            squares[i + 1] = squares[i] + v * v;
        }
        // cost[f][j]: least squared error of the first j sorted counts in f runs; start[f][j]: where its last run starts
        double[][] cost = new double[families + 1][k + 1];
        int[][] start = new int[families + 1][k + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int f = 1; f <= families; f++) {
            for (int j = f; j <= k; j++) {
                for (int i = f - 1; i < j; i++) {
                    double c = cost[f - 1][i] + squaredError(sum, squares, i, j);
                    if (c < cost[f][j]) {
                        cost[f][j] = c;
                        start[f][j] = i;
                    }
                }
            }
        }
        Integer[] family = new Integer[k];
        int j = k;
        for (int f = families; f >= 1; f--) {
            int i = start[f][j];
            for (int s = i; s < j; s++) {
                family[order[s]] = f - 1;
            }
            j = i;
        }
        return new ClassFamilies(Arrays.asList(family), families);
    }

    /** The squared error of sorted values [i, j) around their mean. */
    private static double squaredError(double[] sum, double[] squares, int i, int j) {
        double s = sum[j] - sum[i];
        return Math.max(0, squares[j] - squares[i] - s * s / (j - i));
    }

    /** @return the number of classes K */
    public int numClasses() {
        return familyOfClass.size();
    }

    /**
     * @param label a class
     * @return its family
     */
    public int of(int label) {
        return familyOfClass.get(label);
    }

    /**
     * @param labels classes
     * @return their families
     */
    public int[] of(int[] labels) {
        return Arrays.stream(labels).map(this::of).toArray();
    }

    /**
     * @param family a family
     * @return its classes, in increasing order
     */
    public List<Integer> classes(int family) {
        List<Integer> members = new ArrayList<>();
        for (int c = 0; c < familyOfClass.size(); c++) {
            if (familyOfClass.get(c) == family) {
                members.add(c);
            }
        }
        return members;
    }

    /**
     * @param dataType the graph's type
     * @return the [K, F] 0/1 matrix whose row c is class c's family one-hot: one-hot labels times it are one-hot
     *     families
     */
    INDArray membership(DataType dataType) {
        return oneHot(familyOfClass.stream().mapToInt(Integer::intValue).toArray(), count, dataType);
    }

    /**
     * @param families one family per row
     * @param count the number of families F
     * @param dataType the array's type
     * @return the [n, F] one-hot rows of the families
     */
    static INDArray oneHot(int[] families, int count, DataType dataType) {
        double[][] rows = new double[families.length][count];
        for (int i = 0; i < families.length; i++) {
            rows[i][families[i]] = 1;
        }
        return Nd4j.createFromArray(rows).castTo(dataType);
    }
}
