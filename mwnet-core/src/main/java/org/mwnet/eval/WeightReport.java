package org.mwnet.eval;

import java.util.ArrayList;
import java.util.List;
import org.mwnet.data.Dataset;
import org.mwnet.meta.WeightFunction;
import org.mwnet.train.TrainedModel;

/**
 * Every training sample's loss, prediction and (for MW-Net) V's weight under a trained model: the rows of
 * weights.csv, written for every method.
 */
public final class WeightReport {
    private WeightReport() {
    }

    /**
     * Runs the final classifier over the training set in evaluation mode and, when the model learned V, V over its
     * losses. Ids are row numbers in the training split; the true labels are the dataset's (known, since mwnet added
     * the noise itself).
     *
     * @param model a trained model; its weights are null when it has no V (a method other than mwnet)
     * @param train the training split it was trained on, with its observed labels
     * @return one row per training sample, in the split's order
     */
    public static List<SampleReport> of(TrainedModel model, Dataset train) {
        Predictions p = new Evaluator(model.network(), model.classifier().dataType())
                .predict(model.classifier(), train);
        double[] weights = model.theta() == null ? null
                : new WeightFunction(model.vnet(), model.theta().dataType()).weights(model.theta(), p.losses());
        List<SampleReport> rows = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            rows.add(new SampleReport(Integer.toString(i), train.label(i), p.losses()[i],
                    weights == null ? null : weights[i], p.predicted()[i], p.confidence()[i],
                    Math.exp(-p.losses()[i]), train.cleanLabel(i), train.isCorrupted(i)));
        }
        return rows;
    }
}
