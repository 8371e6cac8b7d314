package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Softmax cross-entropy written with plain ops (SameDiff's fused losses ignore the incoming gradient, so they cannot
 * be weighted per sample), and its gradient with respect to the logits.
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * @param logits [n, K]
     * @param oneHot [n, K]
     * @return per-sample losses {@code -sum_k y_k log softmax(z)_k}, shape [n]
     */
    public static SDVariable perSample(SDVariable logits, SDVariable oneHot) {
        return oneHot.mul(logits.getSameDiff().nn.logSoftmax(logits)).sum(1).neg();
    }

    /**
     * @param logits [n, K]
     * @param oneHot [n, K]
     * @param coefficients per-sample factors c_i, shape [n]
     * @return the gradient of {@code sum_i c_i L_i} with respect to the logits: {@code (softmax(z) - y) * c}
     */
    public static SDVariable logitGradient(SDVariable logits, SDVariable oneHot, SDVariable coefficients) {
        return logits.getSameDiff().nn.softmax(logits).sub(oneHot).mul(coefficients.reshape(-1, 1));
    }
}
