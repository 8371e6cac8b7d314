package org.mwnet.nn;

import java.util.SplittableRandom;

/** How a parameter's initial values are drawn. */
public enum Init {
    /** All zeros (biases of BatchNorm, running means). */
    ZEROS,
    /** All ones (BatchNorm scales, running variances). */
    ONES,
    /** PyTorch's default for Linear and Conv layers: U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
    UNIFORM_FAN_IN,
    /** Kaiming normal for ReLU networks: N(0, 2/fanIn). */
    KAIMING_NORMAL;

    /**
     * @param fanIn inputs per output unit
     * @param rng the parameter's random stream
     * @return one drawn value
     */
    double draw(long fanIn, SplittableRandom rng) {
        return switch (this) {
            case ZEROS -> 0;
            case ONES -> 1;
            case UNIFORM_FAN_IN -> (2 * rng.nextDouble() - 1) / Math.sqrt(fanIn);
            case KAIMING_NORMAL -> rng.nextGaussian() * Math.sqrt(2.0 / fanIn);
        };
    }
}
