package org.mwnet.spark;

import java.io.Serializable;
import java.util.Map;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.MetaStepGraph;
import org.mwnet.nn.FlatArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a worker sends back to the driver for its micro-batch in one phase, as flat buffers.
 *
 * @param metaLoss the meta update's meta loss (0 in the actual update)
 * @param gradients the meta update's gradient with respect to theta, or the actual update's classifier gradients
 * @param statistics the actual update's BatchNorm batch statistics (empty in the meta update)
 * @param losses the actual update's per-sample training losses (empty in the meta update)
 */
record PartResult(double metaLoss, FlatArrays gradients, FlatArrays statistics, FlatArrays losses)
        implements Serializable {
    private static final String LOSSES = "losses";
    private static final FlatArrays NONE = FlatArrays.of(Map.of());

    /** @param r a meta step's result @return its part for the driver */
    static PartResult of(MetaStepGraph.Result r) {
        return new PartResult(r.metaLoss(), FlatArrays.of(r.gradients()), NONE, NONE);
    }

    /** @param r a classifier step's result @return its part for the driver */
    static PartResult of(ClassifierStepGraph.Result r) {
        return new PartResult(0, FlatArrays.of(r.gradients()), FlatArrays.of(r.batchStatistics()),
                FlatArrays.of(Map.of(LOSSES, r.losses())));
    }

    /** @return the meta update's result as the driver averages it (without per-sample losses and coefficients) */
    MetaStepGraph.Result metaResult() {
        return new MetaStepGraph.Result(metaLoss, gradients.toMap(), null, null);
    }

    /** @return the actual update's result as the driver averages it (without coefficients) */
    ClassifierStepGraph.Result classifierResult() {
        Map<String, INDArray> l = losses.toMap();
        return new ClassifierStepGraph.Result(gradients.toMap(), statistics.toMap(), l.get(LOSSES), null);
    }
}
