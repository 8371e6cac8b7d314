package org.mwnet.nn;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A differentiable building block: a forward pass and its explicit vector-Jacobian product, both as SameDiff ops,
 * so that a graph can hold a gradient step and still be differentiated once more by SameDiff.
 */
public interface Layer {
    /** @return the parameters and buffers this layer owns (none by default) */
    default List<ParamSpec> params() {
        return List.of();
    }

    /**
     * @param inputShape input shape without the batch dimension
     * @return output shape without the batch dimension
     */
    long[] outputShape(long[] inputShape);

    /**
     * Adds the forward pass to a graph.
     *
     * @param scope graph, parameter values and mode
     * @param input the input, batch first
     * @param shape the input's full shape, batch first (SameDiff does not know op outputs' shapes before running)
     * @return the trace, holding the output and the backward pass
     */
    Trace forward(Scope scope, SDVariable input, long[] shape);

    /**
     * @param inputShape input shape without the batch dimension
     * @return multiply-adds of the forward pass per sample (for FLOP reports)
     */
    default long multiplyAdds(long[] inputShape) {
        return 0;
    }

    /**
     * @param inputShape input shape without the batch dimension
     * @return elements of the activations this layer produces per sample (its output, and its branches' outputs),
     *         the unit of a step's memory estimate
     */
    default long activations(long[] inputShape) {
        return java.util.Arrays.stream(outputShape(inputShape)).reduce(1, Math::multiplyExact);
    }
}
