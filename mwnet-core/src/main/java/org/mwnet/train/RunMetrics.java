package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.mwnet.data.DatasetSummary;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.WeightDiagnostics;

/**
 * Everything a run measured, written as its {@code metrics.json}.
 *
 * @param finalTestAcc test accuracy in percent after the last epoch, or null for a run without a test set
 * @param selectedTestAcc test accuracy in percent at the epoch with the best selection accuracy, or null for a run
 *     without a test set or without a selection set
 * @param msPerIter milliseconds per training iteration over the whole run
 * @param selectedEpoch the 1-based epoch chosen on the selection set, or null for a run without one
 * @param selectionSet "validation", "meta", or "none" for a run without either (its last epoch counts as selected)
 * @param config the training configuration
 * @param dataset the data's summary
 * @param epochs per-epoch records
 * @param weights the learned weighting's diagnostics (null for methods without V)
 * @param initialV where the V the run started from came from (an exported V's file and the run that trained it),
 *     or null for a V initialised afresh; with {@link TrainConfig#freezeV} the run weighted with that V alone
 * @param provenance versions, backend and time of the run
 */
@JsonPropertyOrder({"final_test_acc", "selected_test_acc", "ms_per_iter", "selected_epoch", "selection_set",
    "config", "dataset", "epochs", "weights", "initial_v", "provenance"})
public record RunMetrics(
        @JsonProperty("final_test_acc") Double finalTestAcc,
        @JsonProperty("selected_test_acc") Double selectedTestAcc,
        @JsonProperty("ms_per_iter") double msPerIter,
        @JsonProperty("selected_epoch") Integer selectedEpoch,
        @JsonProperty("selection_set") String selectionSet,
        TrainConfig config,
        DatasetSummary dataset,
        List<EpochMetrics> epochs,
        WeightDiagnostics weights,
        @JsonProperty("initial_v") @JsonInclude(JsonInclude.Include.NON_NULL) String initialV,
        Map<String, String> provenance) {
}
