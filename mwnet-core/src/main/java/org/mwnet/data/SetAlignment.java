package org.mwnet.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Puts a user's sets on the training set's class list and checks that their samples agree, so that label {@code c}
 * means the same class in the training, trusted and test sets and in external label files.
 *
 * <p>A set's classes are numbered when they are "0" to "K-1" (integer labels: NumPy arrays, CSV tables with integer
 * labels, folders named 0..K-1), and named otherwise (folder names, CSV label names). Names are resolved against the
 * training classes by name when every one of them is a class name, otherwise as class indices 0..K-1 when every one
 * is an integer, otherwise the first that is neither is refused.
 * <ul>
 *   <li>Training and trusted set: when both are numbered the classes are 0..K-1 with K the larger count of the two;
 *       otherwise the trusted set's classes are resolved against the training classes. Every class must have
 *       samples in both sets.</li>
 *   <li>Test set: its classes are resolved against the training classes (a subset of them).</li>
 *   <li>Label files: each label is resolved against the classes; one label per sample.</li>
 * </ul>
 * Each refusal is one {@link IllegalArgumentException} naming the sets as the caller calls them (e.g.
 * "--train data/train"), the class, file and entry, what was found and what was expected.
 */
public final class SetAlignment {
    /** Class names shown in a message before "...". */
    private static final int SHOWN = 10;

    private SetAlignment() {
    }

    /**
     * @param trainName the training set in messages
     * @param train the training set as read
     * @param trustedName the trusted set in messages
     * @param trusted the trusted set as read
     * @return the training and the trusted set, in that order, on one class list (the training set's, widened when
     *     both are numbered)
     */
    public static List<LabelledData> trainAndTrusted(String trainName, LabelledData train, String trustedName,
                                                     LabelledData trusted) {
        requireSameSamples(trustedName, trusted, trainName, train);
        LabelledData t = train;
        LabelledData m;
        if (numbered(train.classes()) && numbered(trusted.classes())) {
            List<String> classes = numbers(Math.max(train.classes().size(), trusted.classes().size()));
            t = remap(train, identity(train), classes);
            m = remap(trusted, identity(trusted), classes);
        } else {
            m = remap(trusted, classIndices(train.classes(), trustedName, trusted), train.classes());
        }
        int[] inTrain = t.data().classCounts();
        int[] inTrusted = m.data().classCounts();
        for (int c = 0; c < inTrain.length; c++) {
            String name = "class '" + t.classes().get(c) + "'";
            if (inTrain[c] == 0 && inTrusted[c] == 0) {
                throw new IllegalArgumentException(name + " has no sample in " + trainName + " nor in " + trustedName
                        + "; expected every class 0.." + (inTrain.length - 1) + " in both, the classes running up to "
                        + "the largest label: " + largestLabel(trainName, t, trustedName, m));
            }
            if (inTrain[c] == 0 || inTrusted[c] == 0) {
                throw new IllegalArgumentException(name + " is in " + (inTrain[c] == 0 ? trustedName : trainName)
                        + " but not in " + (inTrain[c] == 0 ? trainName : trustedName)
                        + "; expected the same classes in both");
            }
        }
        return List.of(t, m);
    }

    /**
     * @param trainName the training set in messages
     * @param train the training set, on its final class list
     * @param name the other set (a test set) in messages
     * @param set the other set as read
     * @return the other set with its labels mapped to the training classes
     */
    public static LabelledData onto(String trainName, LabelledData train, String name, LabelledData set) {
        requireSameSamples(name, set, trainName, train);
        return remap(set, classIndices(train.classes(), name, set), train.classes());
    }

    /**
     * @param name the set in messages
     * @param set a set on its final class list
     * @param labels one label per sample, in the set's order, replacing its observed labels
     * @return the set with those observed labels (its true labels unchanged)
     */
    public static LabelledData observedLabels(String name, LabelledData set, LabelList labels) {
        return set.withData(set.data().relabel(set.classes().size(), labelIndices(name, set, labels),
                set.data().cleanLabels()));
    }

    /**
     * @param name the set in messages
     * @param set a set on its final class list
     * @param labels one true label per sample, in the set's order, known only for evaluation
     * @return the set with those true labels (its observed labels unchanged), so that its samples tell whether their
     *     observed label is corrupted
     */
    public static LabelledData trueLabels(String name, LabelledData set, LabelList labels) {
        return set.withData(set.data().relabel(set.classes().size(), set.data().labels(),
                labelIndices(name, set, labels)));
    }

    /**
     * @param nameA the first set in messages
     * @param a the first set
     * @param nameB the second set in messages
     * @param b the second set
     * @throws IllegalArgumentException when their sample shapes differ, or both are CSV tables whose feature columns
     *     differ in name or order
     */
    public static void requireSameSamples(String nameA, LabelledData a, String nameB, LabelledData b) {
        int[] sa = a.data().imageShape();
        int[] sb = b.data().imageShape();
        if (!Arrays.equals(sa, sb)) {
            throw new IllegalArgumentException(nameA + " has samples of shape " + Arrays.toString(sa) + " but " + nameB
                    + " has " + Arrays.toString(sb) + "; expected the same shape (channels, height and width, or "
                    + "the same number of features)");
        }
        if (!a.columns().isEmpty() && !b.columns().isEmpty() && !a.columns().equals(b.columns())) {
            throw new IllegalArgumentException(nameA + " has the feature columns " + a.columns() + " but " + nameB
                    + " has " + b.columns() + "; expected the same columns in the same order");
        }
    }

    private static int[] labelIndices(String name, LabelledData set, LabelList labels) {
        int n = set.data().size();
        if (labels.values().size() != n) {
            String skipped = set.skipped().isEmpty() ? "" : " (" + set.skipped().size() + " unreadable images were "
                    + "skipped; the labels must match the images read)";
            throw new IllegalArgumentException(labels.file() + " has " + labels.values().size() + " labels but "
                    + name + " has " + n + " samples" + skipped + "; expected one label per sample, in the order of "
                    + "the samples' ids");
        }
        return resolve(labels.values(), set.classes(),
                i -> labels.file() + ": " + labels.where(i) + ": label '" + labels.values().get(i) + "'");
    }

    /** @return where the largest label of two numbered sets first occurs, e.g. "7, first at sample 10 of --train x" */
    private static String largestLabel(String nameA, LabelledData a, String nameB, LabelledData b) {
        int maxA = Arrays.stream(a.data().labels()).max().orElse(-1);
        int maxB = Arrays.stream(b.data().labels()).max().orElse(-1);
        String name = maxA >= maxB ? nameA : nameB;
        LabelledData set = maxA >= maxB ? a : b;
        int max = Math.max(maxA, maxB);
        return max + ", first at " + sample(set, max) + " of " + name;
    }

    /** @return "sample ID" for the first sample of the set with that label */
    private static String sample(LabelledData set, int label) {
        int[] y = set.data().labels();
        int i = IntStream.range(0, y.length).filter(j -> y[j] == label).findFirst().orElseThrow();
        return "sample " + set.ids().get(i);
    }

    /**
     * @return for each of the set's classes, its index among the training classes (-1 for a class without samples,
     *     such as a gap in integer labels, which no sample refers to); a message about a numbered class names its
     *     first sample, since integer labels say nothing else about where they are
     */
    private static int[] classIndices(List<String> trainClasses, String name, LabelledData set) {
        int[] counts = set.data().classCounts();
        List<String> used = IntStream.range(0, counts.length)
                .mapToObj(c -> counts[c] == 0 ? null : set.classes().get(c)).toList();
        boolean numbered = numbered(set.classes());
        return resolve(used, trainClasses, i -> "class '" + set.classes().get(i) + "' of " + name
                + (numbered ? " (" + sample(set, i) + ")" : ""));
    }

    /**
     * @param names class names or indices; null entries are skipped (index -1)
     * @param classes the class list
     * @param subject how a message names entry i, e.g. "class 'cat' of --test data/test"
     * @return each name's class index: by name when all are class names, else as indices when all are integers
     */
    private static int[] resolve(List<String> names, List<String> classes, IntFunction<String> subject) {
        int k = classes.size();
        List<String> given = names.stream().filter(java.util.Objects::nonNull).toList();
        boolean byIndex = !classes.containsAll(given) && given.stream().allMatch(v -> v.matches("[+-]?\\d{1,9}"));
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            String v = names.get(i);
            if (v == null) {
                out[i] = -1;
                continue;
            }
            out[i] = byIndex ? Integer.parseInt(v) : classes.indexOf(v);
            if (byIndex && (out[i] < 0 || out[i] >= k)) {
                throw new IllegalArgumentException(subject.apply(i) + " is out of range; expected a class index 0.."
                        + (k - 1) + " or a training class name " + shown(classes));
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException(subject.apply(i) + " is not a training class; expected one of "
                        + shown(classes) + " (or class indices 0.." + (k - 1) + " throughout)");
            }
        }
        return out;
    }

    private static LabelledData remap(LabelledData set, int[] classIndex, List<String> classes) {
        int[] y = set.data().labels();
        int[] clean = set.data().cleanLabels();
        for (int i = 0; i < y.length; i++) {
            y[i] = classIndex[y[i]];
            clean[i] = classIndex[clean[i]];
        }
        return new LabelledData(set.data().relabel(classes.size(), y, clean), classes, set.ids(), set.skipped(),
                set.notImages(), set.columns());
    }

    private static int[] identity(LabelledData set) {
        return IntStream.range(0, set.classes().size()).toArray();
    }

    private static boolean numbered(List<String> classes) {
        return classes.equals(numbers(classes.size()));
    }

    private static List<String> numbers(int k) {
        return IntStream.range(0, k).mapToObj(Integer::toString).toList();
    }

    private static String shown(List<String> classes) {
        return classes.size() <= SHOWN ? classes.toString()
                : classes.subList(0, SHOWN).toString().replace("]", ", ...]");
    }
}
