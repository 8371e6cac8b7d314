package org.mwnet.bench;

import org.mwnet.nn.Network;

/**
 * Floating-point operations of training iterations, counted as 2 x the multiply-adds M of the dense and
 * convolution layers per sample. A MW-Net iteration does about 15M per sample: the meta step's forward (M),
 * explicit look-ahead gradient (2M), look-ahead forward on the meta batch (M), and reverse mode through those
 * three (8M); then the classifier update's forward and backward (3M).
 */
public final class Flops {
    private Flops() {
    }

    /**
     * @param net the classifier
     * @param batch batch size (training and meta)
     * @return FLOPs of one MW-Net iteration
     */
    public static double perMwnetIteration(Network net, int batch) {
        return 2.0 * 15 * net.multiplyAddsPerSample() * batch;
    }
}
