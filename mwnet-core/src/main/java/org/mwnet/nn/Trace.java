package org.mwnet.nn;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A layer's forward pass in a graph, holding what its vector-Jacobian product needs.
 */
public interface Trace {
    /** @return the layer's output */
    SDVariable output();

    /**
     * Adds the layer's explicit backward pass to the graph, written only with ops SameDiff can differentiate once.
     *
     * @param gradOutput gradient of the objective with respect to {@link #output()}
     * @param gradients receives the gradient of each of the layer's trainable parameters, by name
     * @param needInputGradient whether the gradient with respect to the input is wanted (false for a first layer)
     * @return the gradient with respect to the layer's input, or null when not wanted
     */
    SDVariable backward(SDVariable gradOutput, Map<String, SDVariable> gradients, boolean needInputGradient);

    /** A layer's backward pass, as {@link Trace#backward}. */
    @FunctionalInterface
    interface Backward {
        /**
         * @param gradOutput gradient with respect to the output
         * @param gradients receives parameter gradients by name
         * @param needInputGradient whether the input gradient is wanted
         * @return the input gradient, or null when not wanted
         */
        SDVariable apply(SDVariable gradOutput, Map<String, SDVariable> gradients, boolean needInputGradient);
    }

    /**
     * @param output the layer's output
     * @param backward its backward pass
     * @return the trace
     */
    static Trace of(SDVariable output, Backward backward) {
        return new Trace() {
            @Override
            public SDVariable output() {
                return output;
            }

            @Override
            public SDVariable backward(SDVariable gradOutput, Map<String, SDVariable> gradients, boolean need) {
                return backward.apply(gradOutput, gradients, need);
            }
        };
    }
}
