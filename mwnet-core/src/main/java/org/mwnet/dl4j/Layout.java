package org.mwnet.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** How one DL4J parameter array and the mwnet array it becomes are laid out, each direction exact. */
enum Layout {
    /** The same values in the same order, only reshaped (dense weights [nIn, nOut] in both; biases [1, n] to [n]). */
    SAME,
    /** Convolution weights: DL4J's [out, in, kH, kW] against mwnet's [kH, kW, in, out]. */
    KERNEL,
    /**
     * BatchNorm's running variance, which DL4J (with {@code useLogStd}, its default) stores as
     * {@code log10(sqrt(var))}: the standard deviation without epsilon, which DL4J adds at use as mwnet does.
     */
    LOG10_STD;

    /**
     * @param dl4j the DL4J array
     * @param shape the mwnet parameter's shape
     * @return the mwnet array (a new one)
     */
    INDArray toMwnet(INDArray dl4j, long[] shape) {
        return switch (this) {
            case SAME -> dl4j.dup().reshape(shape);
            case KERNEL -> dl4j.permute(2, 3, 1, 0).dup('c');
            case LOG10_STD -> {
                INDArray std = Transforms.pow(dl4j.dup().assign(10.0), dl4j, false);
                yield std.muli(std).reshape(shape);
            }
        };
    }

    /**
     * @param mwnet the mwnet array
     * @param shape the DL4J parameter's shape
     * @return the DL4J array (a new one)
     */
    INDArray toDl4j(INDArray mwnet, long[] shape) {
        return switch (this) {
            case SAME -> mwnet.dup().reshape(shape);
            case KERNEL -> mwnet.permute(3, 2, 0, 1).dup('c');
            case LOG10_STD -> Transforms.log(mwnet, 10.0, true).muli(0.5).reshape(shape);
        };
    }
}
