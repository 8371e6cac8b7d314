package org.mwnet.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch as graph inputs.
 *
 * @param images [n, C, H, W]
 * @param labels one-hot observed labels [n, K]
 * @param indices the samples' indices in their dataset
 */
public record Batch(INDArray images, INDArray labels, int[] indices) {
}
