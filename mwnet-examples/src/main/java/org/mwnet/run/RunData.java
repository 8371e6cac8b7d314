package org.mwnet.run;

import java.util.List;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.TrainTest;

/**
 * What one training run trains and reports on, prepared and checked before its run directory opens: a built-in
 * dataset's drawn splits ({@link #drawn}), or the user's own sets.
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
public record RunData(Splits splits, Dataset test, DatasetSummary summary, List<String> trainIds, boolean cleanKnown,
                      RunInputs inputs, List<String> warnings) {
    /** Copies the lists. */
    public RunData {
        trainIds = List.copyOf(trainIds);
        warnings = List.copyOf(warnings);
    }

    /**
     * A built-in dataset's run data, from the splits drawn of it.
     *
     * @param data the dataset's training and test parts
     * @param split how the training part was split and corrupted
     * @param splits the splits so drawn, their sizes checked against the run's configuration
     * @return the run's data: ids are row numbers, the true labels are known
     */
    public static RunData drawn(TrainTest data, SplitConfig split, Splits splits) {
        List<String> rows = IntStream.range(0, splits.train().size()).mapToObj(Integer::toString).toList();
        return new RunData(splits, data.test(), DatasetSummary.of(splits, data.test(), split, data.input()), rows,
                true, null, List.of());
    }

    /** @return whether there is a test set to report on */
    public boolean hasTest() {
        return test.size() > 0;
    }
}
