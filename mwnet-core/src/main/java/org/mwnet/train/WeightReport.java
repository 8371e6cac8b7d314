package org.mwnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.eval.Evaluator;
import org.mwnet.eval.Predictions;
import org.mwnet.eval.SampleReport;
import org.mwnet.meta.WeightFunction;

/**
 * Every training sample's loss, prediction and (for MW-Net) V's weight under a trained model: the rows of
 * weights.csv, written for every method, each with the checksum of the sample's values as the run trained on them.
 */
public final class WeightReport {
    private WeightReport() {
    }

    /**
     * The report of a run on a dataset mwnet corrupted itself: ids are row numbers in the training split, and the
     * true labels are the dataset's.
     *
     * @param model a trained model; the rows' weights are null when it has no V (a method other than mwnet)
     * @param train the training split it was trained on, with its observed labels
     * @return one row per training sample, in the split's order
     */
    public static List<SampleReport> of(TrainedModel model, Dataset train) {
        return of(model, train, IntStream.range(0, train.size()).mapToObj(Integer::toString).toList(), true);
    }

    /**
     * The final classifier's predictions on the training set in evaluation mode (the ones the trainer made, or a new
     * pass for a model without them) and, when the model learned V, V over its losses.
     *
     * @param model a trained model; the rows' weights are null when it has no V (a method other than mwnet)
     * @param train the training split it was trained on, with its observed labels
     * @param ids one id per training sample (a file path, a row or an index), in the split's order
     * @param cleanKnown whether the split's true labels are known; when not, the rows leave them out
     * @return one row per training sample, in the split's order
     * @throws IllegalArgumentException when the ids do not fit the training split
     */
    public static List<SampleReport> of(TrainedModel model, Dataset train, List<String> ids, boolean cleanKnown) {
        if (ids.size() != train.size()) {
            throw new IllegalArgumentException(ids.size() + " ids do not fit " + train.size() + " training samples");
        }
        Predictions p = model.trainPredictions() != null ? model.trainPredictions()
                : new Evaluator(model.network(), model.classifier().dataType()).predict(model.classifier(), train);
        if (p.losses().length != train.size()) {
            throw new IllegalArgumentException("the model's predictions cover " + p.losses().length + " training "
                    + "samples, not the " + train.size() + " given: pass the training split it was trained on");
        }
        double[] weights = model.theta() == null ? null : new WeightFunction(model.vnet(), model.theta().dataType())
                .weights(model.theta(), p.losses(), train.labels());
        List<SampleReport> rows = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            rows.add(new SampleReport(ids.get(i), train.label(i), p.losses()[i],
                    weights == null ? null : weights[i], p.predicted()[i], p.confidence()[i],
                    Math.exp(-p.losses()[i]), cleanKnown ? train.cleanLabel(i) : null,
                    cleanKnown ? train.isCorrupted(i) : null, train.sampleChecksum(i)));
        }
        return rows;
    }
}
