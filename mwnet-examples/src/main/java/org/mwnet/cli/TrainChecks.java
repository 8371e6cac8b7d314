package org.mwnet.cli;

import org.mwnet.data.Dataset;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.train.TrainConfig;

/**
 * The checks of a training run's options that are about the command line, in the flags' words, made before any data
 * is loaded or any run directory is created: first flags that go together, then the sizes against the split data.
 * The range of each setting is {@link TrainConfig}'s or {@link org.mwnet.data.SplitConfig}'s rule ({@link Flags}
 * names the flag). The split part ({@link #splitData}) is also {@code mwnet data}'s. Each failure is one
 * {@link IllegalArgumentException} naming the flag, the value and what was expected (exit code 2).
 */
final class TrainChecks {
    private TrainChecks() {
    }

    /**
     * Checks what the flags say on their own.
     *
     * @param train model, method and optimisation flags
     * @param data dataset and split flags
     * @param backend backend and thread flags
     */
    static void flags(TrainOptions train, DataOptions data, BackendOptions backend) {
        parameterAveraging(train);
        data.splitConfig();
        backend.checkThreads();
    }

    /**
     * {@code --sync-every K} needs K at least 1 (the flag's absence, not 0, means gradient averaging) and at least two
     * workers to average (in core one worker is allowed: it trains as without averaging). The method must be one
     * whose workers step independently: {@link TrainConfig}'s rule.
     *
     * @param train model, method and optimisation flags, with {@code --accumulate} set to {@code --workers} on Spark
     */
    private static void parameterAveraging(TrainOptions train) {
        if (train.syncEvery == null) {
            return;
        }
        atLeastOne("--sync-every", train.syncEvery);
        if (train.accumulate < 2) {
            throw new IllegalArgumentException("--sync-every " + train.syncEvery + " averages the parameters of P "
                    + "workers, and this run has " + train.accumulate + ": give --accumulate P, or --workers P on "
                    + "Spark, with P at least 2");
        }
    }

    /**
     * Splits the data, then checks the sizes against the parts.
     *
     * @param pool the dataset's training part
     * @param split how to split and corrupt it
     * @param config the run's configuration
     * @return the split data
     */
    static Splits split(Dataset pool, SplitConfig split, TrainConfig config) {
        Flags.naming(() -> config.requireSelectionSplit(split.validationSize()));
        Splits splits = splitData(pool, split);
        againstData(config, splits, "raise --meta-size");
        return splits;
    }

    /**
     * Builds the model once on the data's shape, so a model the samples do not fit (LeNet on images whose sides are
     * not multiples of 4) stops before any run directory is opened.
     *
     * @param config the run's configuration
     * @param train the training set
     * @param name the training set in messages, e.g. "--train data/train"
     */
    static void model(TrainConfig config, Dataset train, String name) {
        int[] s = train.imageShape();
        try {
            config.model().build(new long[] {s[0], s[1], s[2]}, train.numClasses(), config.hidden());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + config.model() + " on " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Splits the data and checks that every class keeps training samples (the part of {@link #split} that
     * {@code data} shares).
     *
     * @param pool the dataset's training part
     * @param split how to split and corrupt it
     * @return the split data
     */
    static Splits splitData(Dataset pool, SplitConfig split) {
        Splits splits;
        try {
            splits = Splits.make(pool, split);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--meta-size " + split.metaSize() + ", --validation-size "
                    + split.validationSize() + ": " + e.getMessage(), e);
        }
        int[] counts = classCounts(splits);
        int largest = java.util.Arrays.stream(counts).max().orElse(0);
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                String factor = java.math.BigDecimal.valueOf(split.imbalance()).stripTrailingZeros().toPlainString();
                throw new IllegalArgumentException("--imbalance " + factor + " leaves class " + c + " without training "
                        + "samples; with " + largest + " samples in the largest class, use at most --imbalance " + largest);
            }
        }
        return splits;
    }

    /** @return the training part's sample count of each class (by clean label) */
    private static int[] classCounts(Splits splits) {
        int[] counts = new int[splits.train().numClasses()];
        for (int y : splits.train().cleanLabels()) {
            counts[y]++;
        }
        return counts;
    }

    /**
     * Checks the batch sizes against the split sizes, and a class-aware V's family count against the classes.
     *
     * @param config the run's configuration
     * @param splits the run's splits
     * @param moreMeta how the user gets a larger meta set, e.g. "raise --meta-size"
     */
    static void againstData(TrainConfig config, Splits splits, String moreMeta) {
        Flags.naming(() -> config.weightNet(splits.train()));
        int train = splits.train().size();
        int meta = splits.meta().size();
        Flags.naming(() -> config.requireMetaSet(meta));
        // this also keeps each of the --accumulate micro-batches within its shard: B <= N gives B / P <= floor(N / P)
        if (config.batch() > train) {
            throw new IllegalArgumentException("--batch " + config.batch() + " is larger than the training set ("
                    + train + " samples)");
        }
        if (config.needsMetaSet() && config.metaBatch() > meta) {
            throw new IllegalArgumentException("meta batch " + config.metaBatch() + " (--meta-batch, default --batch) "
                    + "is larger than the meta set (" + meta + " samples); lower it or " + moreMeta);
        }
        if (config.finetuneEpochs() > 0 && config.method().needsValidation() && config.batch() > meta) {
            throw new IllegalArgumentException("--batch " + config.batch() + " is larger than the meta set that "
                    + "--method finetune trains on (" + meta + " samples); lower it or " + moreMeta);
        }
    }

    /**
     * @param flag the flag's name
     * @param value its value, which must be at least 1
     */
    static void atLeastOne(String flag, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
    }
}
