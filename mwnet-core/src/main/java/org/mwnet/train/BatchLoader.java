package org.mwnet.train;

import org.mwnet.data.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies batches of a dataset into two arrays allocated once; each {@link #load} overwrites the previous batch. */
public final class BatchLoader {
    private final Dataset data;
    private final INDArray images;
    private final INDArray labels;
    private final float[] staging;

    /**
     * @param data the dataset
     * @param batch batch size
     * @param dataType FLOAT or DOUBLE
     */
    public BatchLoader(Dataset data, int batch, DataType dataType) {
        this.data = data;
        int[] s = data.imageShape();
        this.images = Nd4j.create(dataType, batch, s[0], s[1], s[2]);
        this.labels = Nd4j.create(dataType, batch, data.numClasses());
        this.staging = new float[batch * data.imageSize()];
    }

    /**
     * @param indices sample indices, as many as the batch size
     * @return the batch (its arrays are reused by the next call)
     */
    public Batch load(int[] indices) {
        data.copyImages(indices, images, staging);
        data.copyOneHot(indices, labels);
        return new Batch(images, labels, indices);
    }
}
