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
     * Per-sample losses {@code -sum_k y_k log softmax(z)_k}, computed as {@code log sum_k exp(z_k - m) - sum_k y_k
     * (z_k - m)} with m the row's largest logit. nd4j's log-softmax returns minus infinity for a logit some 100 below
     * the largest (its softmax underflows), and {@code 0 * -inf} made the loss NaN once a ResNet's logits spread
     * that far; shifted by m, every exponential is at most 1 and their sum at least 1. The shift's gradient
     * cancels ({@code sum_k y_k = 1}).
     *
     * @param logits [n, K]
     * @param oneHot [n, K]
     * @return per-sample losses, shape [n]
     */
    public static SDVariable perSample(SDVariable logits, SDVariable oneHot) {
        var sd = logits.getSameDiff();
        SDVariable shifted = logits.sub(logits.max(true, 1));
        return sd.math.log(sd.math.exp(shifted).sum(1)).sub(oneHot.mul(shifted).sum(1));
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
