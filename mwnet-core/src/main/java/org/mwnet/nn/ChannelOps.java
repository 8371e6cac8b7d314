package org.mwnet.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Per-channel shift and scale of NCHW arrays, written with ops whose gradients SameDiff computes efficiently.
 * A broadcast multiply {@code x [b, C, H, W] * s [1, C, 1, 1]} is differentiated in nd4j 1.0.0-M2.1 by tiling s
 * to x's size and reducing a full-size temporary along three axes, which cost 40% of a ResNet-32 meta step; a
 * bias addition and a 1x1 depthwise convolution compute the same values, and their gradients are a dedicated
 * per-channel reduction and a (oneDNN) convolution gradient. Where nothing is differentiated the plain broadcast
 * multiply is the faster of the two (a tenth of the depthwise convolution's time).
 */
final class ChannelOps {
    private static final Conv2DConfig ONE_BY_ONE = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).pH(0).pW(0)
            .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();

    private ChannelOps() {
    }

    /**
     * @param sd the graph
     * @param x [b, C, H, W]
     * @param shift [C]
     * @return {@code x[:, c] + shift[c]}
     */
    static SDVariable shift(SameDiff sd, SDVariable x, SDVariable shift) {
        return sd.nn.biasAdd(x, shift, true);
    }

    /**
     * @param sd the graph
     * @param x [b, C, H, W]
     * @param scale [C]
     * @param shift [C]
     * @param differentiated whether SameDiff will differentiate this op
     * @return {@code x[:, c] * scale[c] + shift[c]}; differentiated, one depthwise convolution with a bias, whose
     *         reverse pass keeps only x
     */
    static SDVariable affine(SameDiff sd, SDVariable x, SDVariable scale, SDVariable shift, boolean differentiated) {
        if (!differentiated) {
            return shift(sd, scale(sd, x, scale, false), shift);
        }
        return sd.cnn.depthWiseConv2d(x, scale.reshape(1, 1, -1, 1), shift, ONE_BY_ONE);
    }

    /**
     * @param sd the graph
     * @param x [b, C, H, W]
     * @param scale [C]
     * @param differentiated whether SameDiff will differentiate this op
     * @return {@code x[:, c] * scale[c]}
     */
    static SDVariable scale(SameDiff sd, SDVariable x, SDVariable scale, boolean differentiated) {
        if (!differentiated) {
            return x.mul(scale.reshape(1, -1, 1, 1));
        }
        return sd.cnn.depthWiseConv2d(x, scale.reshape(1, 1, -1, 1), ONE_BY_ONE);
    }
}
