package org.mwnet.cli;

import java.util.List;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.TrainTest;
import org.mwnet.train.TrainConfig;

/**
 * What one training run trains and reports on, prepared and checked before its run directory opens: a built-in
 * dataset's drawn splits ({@link #drawn}), or the user's own sets ({@link FileSets}).
 *
 * @param splits meta, validation and training sets
 * @param test the test set, empty when there is none
 * @param summary the data's summary, for the metrics and the checkpoint
 * @param trainIds one id per training sample, for weights.csv: a row number in the split, or the file id the reader
 *     gave (a path relative to the training folder, a CSV row number, an array index)
 * @param cleanKnown whether the training samples' true labels are known, so weights.csv can say which are corrupted
 * @param inputs the user's files, written as inputs.json; null for a built-in dataset
 * @param warnings what the user should know before the run trains (images skipped, labels assumed clean), printed
 *     once the run directory is open
 */
record RunData(Splits splits, Dataset test, DatasetSummary summary, List<String> trainIds, boolean cleanKnown,
               RunInputs inputs, List<String> warnings) {
    /** Copies the lists. */
    RunData {
        trainIds = List.copyOf(trainIds);
        warnings = List.copyOf(warnings);
    }

    /**
     * Draws a built-in dataset's splits and noise, then checks the sizes against them.
     *
     * @param data the dataset's training and test parts
     * @param split how they are split and corrupted
     * @param config the run's configuration
     * @return the run's data: ids are row numbers, the true labels are known
     */
    static RunData drawn(TrainTest data, SplitConfig split, TrainConfig config) {
        Splits splits = TrainChecks.split(data.train(), split, config);
        List<String> rows = IntStream.range(0, splits.train().size()).mapToObj(Integer::toString).toList();
        return new RunData(splits, data.test(), DatasetSummary.of(splits, data.test(), split, data.input()), rows,
                true, null, List.of());
    }

    /** @return whether there is a test set to report on */
    boolean hasTest() {
        return test.size() > 0;
    }
}
