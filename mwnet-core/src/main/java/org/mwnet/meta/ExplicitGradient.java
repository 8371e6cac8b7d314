package org.mwnet.meta;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mwnet.nn.CrossEntropy;
import org.mwnet.nn.Network;
import org.mwnet.nn.Scope;
import org.mwnet.nn.Trace;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The gradient {@code sum_i c_i grad_w L_i(w)} of a classifier on one batch, written as forward ops (the layers'
 * explicit VJPs), so that it can feed a look-ahead step that SameDiff differentiates once more.
 *
 * @param logits the classifier's logits [n, K]
 * @param losses per-sample cross-entropies [n]
 * @param coefficients the c_i [n]
 * @param gradients the gradient of every trainable classifier parameter, by name
 * @param batchStatistics BatchNorm batch statistics of this forward pass, by buffer name
 * @param outerProducts the gradients also known in factored form {@code left^T right}, by parameter name
 */
public record ExplicitGradient(SDVariable logits, SDVariable losses, SDVariable coefficients,
                               Map<String, SDVariable> gradients, Map<String, SDVariable> batchStatistics,
                               Map<String, Scope.OuterProduct> outerProducts) {
    /**
     * @param scope graph and the classifier's (and weighting's) parameter values
     * @param net the classifier
     * @param images [n, C, H, W]
     * @param oneHot [n, K]
     * @param weighting how losses become coefficients
     * @param scale a scalar multiplying the gradients (the look-ahead's learning rate, folded into the coefficients so
     *              the step costs one op instead of one per parameter), or null for none
     * @return the forward pass, losses, coefficients and (scaled) gradients
     */
    public static ExplicitGradient build(Scope scope, Network net, SDVariable images, SDVariable oneHot,
                                         SampleWeighting weighting, SDVariable scale) {
        int batch = (int) images.getShape()[0];
        Trace trace = net.forward(scope, images, batch);
        SDVariable logits = trace.output();
        SDVariable losses = CrossEntropy.perSample(logits, oneHot);
        SDVariable c = weighting.coefficients(scope, losses, oneHot, batch);
        Map<String, SDVariable> grads = new LinkedHashMap<>();
        trace.backward(CrossEntropy.logitGradient(logits, oneHot, scale == null ? c : c.mul(scale)), grads, false);
        return new ExplicitGradient(logits, losses, c, grads, Map.copyOf(scope.batchStatistics()),
                Map.copyOf(scope.outerProducts()));
    }
}
