package org.mwnet.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@link Splits} from sets the user gives (a training set with its own, possibly wrong, labels and a trusted
 * meta set) instead of drawn from one pool: nothing is corrupted, nothing is made long-tailed. The indices of the
 * splits number the sets one after another (training, meta, validation), as if they were one pool; mwnet cannot
 * tell whether the user's files share samples, so the meta-training overlap it reports is 0 by that numbering.
 */
public final class GivenSplits {
    /** The dataset name of given sets in summaries and checkpoints; their input settings tell the format. */
    public static final String DATASET = "files";

    private GivenSplits() {
    }

    /**
     * @param train the training set
     * @param meta the trusted meta set
     * @param validation the trusted validation set for model selection (may be empty: then selection uses meta)
     * @return the splits, for {@code Trainer.train}
     * @throws IllegalArgumentException when the sets' sample shapes or class counts differ
     */
    public static Splits of(Dataset train, Dataset meta, Dataset validation) {
        requireCompatible("training set", train, "meta set", meta);
        requireCompatible("training set", train, "validation set", validation);
        int n = train.size();
        int m = meta.size();
        return new Splits(meta, validation, train, IntStream.range(n, n + m).toArray(),
                IntStream.range(n + m, n + m + validation.size()).toArray(), IntStream.range(0, n).toArray());
    }

    /**
     * Carves a class-balanced validation set out of the trusted set, seeded, and keeps the rest as the meta set.
     *
     * @param train the training set
     * @param trusted the trusted set
     * @param validationSize samples taken for validation, a multiple of K (0 for none: selection then uses meta)
     * @param seed the seed of the draw
     * @return the splits, for {@code Trainer.train}
     * @throws IllegalArgumentException when the shapes or class counts differ, the size is not a multiple of K,
     *     or a class has too few trusted samples to leave at least one in the meta set
     */
    public static Splits carving(Dataset train, Dataset trusted, int validationSize, long seed) {
        requireCompatible("training set", train, "trusted set", trusted);
        Carved v = carve(trusted, validationSize, seed, "trusted", "validation", "meta");
        return of(train, trusted.subset(v.rest()), trusted.subset(v.taken()));
    }

    /**
     * Draws the same number of samples of every class (by observed label) out of a set, seeded by the seed and the
     * two sets' names.
     *
     * @param from the set drawn from
     * @param size how many samples to take, a multiple of its K classes
     * @param seed the seed of the draw
     * @param fromName what {@code from} is, e.g. "trusted" (for messages and the random stream)
     * @param takenName what the samples taken become, e.g. "validation"
     * @param restName what the rest stays, e.g. "meta"
     * @return the indices taken and the rest, each ascending
     * @throws IllegalArgumentException when the size is not a multiple of K, or a class has too few samples to
     *     leave at least one in the rest
     */
    public static Carved carve(Dataset from, int size, long seed, String fromName, String takenName, String restName) {
        int k = from.numClasses();
        int perClass = Splits.perClass(takenName, size, k);
        int[][] byClass = Splits.indicesByClass(from.labels(), k);
        SplittableRandom rng = Seeds.stream(seed, fromName + "-" + takenName);
        boolean[] chosen = new boolean[from.size()];
        for (int c = 0; c < k; c++) {
            if (byClass[c].length <= perClass) {
                throw new IllegalArgumentException("class " + c + " has " + byClass[c].length + " " + fromName
                        + " samples: too few for " + perClass + " " + takenName + " samples per class and at least "
                        + "one " + restName + " sample");
            }
            Seeds.shuffle(byClass[c], rng);
            for (int j = 0; j < perClass; j++) {
                chosen[byClass[c][j]] = true;
            }
        }
        return new Carved(IntStream.range(0, chosen.length).filter(i -> chosen[i]).toArray(),
                IntStream.range(0, chosen.length).filter(i -> !chosen[i]).toArray());
    }

    /**
     * The two parts of a set that {@link #carve} divided.
     *
     * @param taken indices of the samples drawn, ascending
     * @param rest indices of the others, ascending
     */
    public record Carved(int[] taken, int[] rest) {
    }

    /**
     * @param whatA what the first set is, e.g. "training set"
     * @param a the first set
     * @param whatB what the second set is
     * @param b the second set
     * @throws IllegalArgumentException naming both when their sample shapes or class counts differ
     */
    public static void requireCompatible(String whatA, Dataset a, String whatB, Dataset b) {
        if (!Arrays.equals(a.imageShape(), b.imageShape())) {
            throw new IllegalArgumentException(whatA + " " + a.name() + " has samples of shape "
                    + Arrays.toString(a.imageShape()) + " but " + whatB + " " + b.name() + " has "
                    + Arrays.toString(b.imageShape()) + "; expected the same shape");
        }
        if (a.numClasses() != b.numClasses()) {
            throw new IllegalArgumentException(whatA + " " + a.name() + " has " + a.numClasses() + " classes but "
                    + whatB + " " + b.name() + " has " + b.numClasses() + "; expected the same classes");
        }
    }

    /**
     * @param whatA what the first set is, e.g. "training set"
     * @param a the first set
     * @param whatB what the second set is
     * @param b the second set
     * @throws IllegalArgumentException naming the first class in one and not in the other, when their class
     *     names differ (e.g. a class folder missing from one of them), else as {@link #requireCompatible}
     */
    public static void requireSameClasses(String whatA, LabelledData a, String whatB, LabelledData b) {
        requireClassesIn(whatA, a, whatB, b);
        requireClassesIn(whatB, b, whatA, a);
        requireCompatible(whatA, a.data(), whatB, b.data());
    }

    private static void requireClassesIn(String whatA, LabelledData a, String whatB, LabelledData b) {
        for (String c : a.classes()) {
            if (!b.classes().contains(c)) {
                throw new IllegalArgumentException("class '" + c + "' is in " + whatA + " " + a.data().name()
                        + " but not in " + whatB + " " + b.data().name() + "; expected the same classes");
            }
        }
    }

    /**
     * @param splits given splits
     * @param test the test set
     * @param seed the run's seed
     * @param input how the samples were read
     * @return their summary, for {@code Trainer.train}: dataset {@value #DATASET}, no added noise, no imbalance
     */
    public static DatasetSummary summary(Splits splits, Dataset test, long seed, InputSettings input) {
        SplitConfig asGiven = new SplitConfig(splits.meta().size(), splits.validation().size(), 1, NoiseType.NONE, 0,
                seed);
        return DatasetSummary.of(splits, test, asGiven, input).named(DATASET);
    }
}
