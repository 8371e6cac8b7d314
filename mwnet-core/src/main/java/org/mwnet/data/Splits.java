package org.mwnet.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The disjoint parts drawn from a dataset's official training part: a clean, class-balanced meta set, an optional
 * clean validation split, and the training set, which is then made long-tailed and corrupted. The meta and
 * validation sets are drawn before corruption, from clean labels, and never overlap the training set.
 *
 * @param meta clean, class-balanced meta set
 * @param validation clean validation split (empty when not asked for)
 * @param train the (imbalanced, noisy) training set
 * @param metaIndices indices of the meta set in the pool
 * @param validationIndices indices of the validation split in the pool
 * @param trainIndices indices of the training set in the pool
 */
public record Splits(Dataset meta, Dataset validation, Dataset train, int[] metaIndices, int[] validationIndices,
                     int[] trainIndices) {

    /**
     * Draws the splits.
     *
     * @param pool the official training part, clean labels
     * @param config sizes, imbalance, noise and seed
     * @return the splits
     * @throws IllegalArgumentException when a size is not a multiple of K or exceeds a class's count
     */
    public static Splits make(Dataset pool, SplitConfig config) {
        int k = pool.numClasses();
        int[][] byClass = indicesByClass(pool.cleanLabels(), k);
        SplittableRandom rng = Seeds.stream(config.seed(), "splits");
        for (int[] members : byClass) {
            Seeds.shuffle(members, rng);
        }
        int metaPerClass = perClass("meta", config.metaSize(), k);
        int validationPerClass = perClass("validation", config.validationSize(), k);
        int[] meta = new int[metaPerClass * k];
        int[] validation = new int[validationPerClass * k];
        int restSize = 0;
        for (int c = 0; c < k; c++) {
            if (byClass[c].length < metaPerClass + validationPerClass + 1) {
                throw new IllegalArgumentException("class " + c + " has " + byClass[c].length
                        + " samples: too few for " + metaPerClass + " meta and " + validationPerClass
                        + " validation samples per class plus training samples");
            }
            System.arraycopy(byClass[c], 0, meta, c * metaPerClass, metaPerClass);
            System.arraycopy(byClass[c], metaPerClass, validation, c * validationPerClass, validationPerClass);
            restSize += byClass[c].length - metaPerClass - validationPerClass;
        }
        int[] rest = new int[restSize];
        int r = 0;
        for (int c = 0; c < k; c++) {
            int used = metaPerClass + validationPerClass;
            System.arraycopy(byClass[c], used, rest, r, byClass[c].length - used);
            r += byClass[c].length - used;
        }
        Arrays.sort(meta);
        Arrays.sort(validation);
        Arrays.sort(rest);
        int[] train = rest;
        if (config.imbalance() > 1) {
            int[] restLabels = Arrays.stream(rest).map(pool::cleanLabel).toArray();
            int[] kept = LongTail.select(restLabels, k, config.imbalance(), config.seed());
            train = Arrays.stream(kept).map(i -> rest[i]).toArray();
        }
        requireDisjoint(pool.size(), meta, validation, train);
        Dataset trainSet = pool.subset(train);
        if (config.noise() != NoiseType.NONE && config.noiseRate() > 0) {
            double[][] c = LabelNoise.transition(config.noise(), config.noiseRate(), k, config.seed());
            trainSet = trainSet.withLabels(LabelNoise.corrupt(trainSet.cleanLabels(), c, config.seed()));
        }
        return new Splits(pool.subset(meta), pool.subset(validation), trainSet, meta, validation, train);
    }

    /** @return how many meta-set samples are also in the training set (0 by construction) */
    public int metaTrainOverlap() {
        return overlap(metaIndices, trainIndices);
    }

    /**
     * @param labels labels in [0, K)
     * @param numClasses K
     * @return for each class, the indices carrying it, ascending
     */
    public static int[][] indicesByClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        int[][] out = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i]][fill[labels[i]]++] = i;
        }
        return out;
    }

    /** @return {@code size / k}, refusing a size that is not a multiple of the K classes */
    static int perClass(String what, int size, int k) {
        if (size % k != 0) {
            throw new IllegalArgumentException(what + " size " + size + " must be a multiple of the " + k
                    + " classes to be class-balanced");
        }
        return size / k;
    }

    private static void requireDisjoint(int n, int[]... parts) {
        BitSet seen = new BitSet(n);
        for (int[] part : parts) {
            for (int i : part) {
                if (seen.get(i)) {
                    throw new IllegalStateException("sample " + i + " was drawn into two splits");
                }
                seen.set(i);
            }
        }
    }

    private static int overlap(int[] a, int[] b) {
        BitSet s = new BitSet();
        for (int i : a) {
            s.set(i);
        }
        return (int) Arrays.stream(b).filter(s::get).count();
    }
}
