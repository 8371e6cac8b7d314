package org.mwnet.data;

import java.util.Arrays;
import java.util.Locale;

/** The label-noise models. */
public enum NoiseType {
    /** Labels untouched. */
    NONE,
    /** GLC's uniform noise: C = p/K + (1-p)I, so a fraction p(K-1)/K of labels change. */
    UNIFORM,
    /** Each class sends all of p to one other class, chosen per class from the seed. */
    FLIP,
    /** Each class sends p/2 to each of two other classes, chosen per class from the seed. */
    PAIR;

    /**
     * @param name a name as typed on the command line (any case)
     * @return the noise type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static NoiseType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown noise '" + name + "'; expected one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    /** @return the lower-case command-line name */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
