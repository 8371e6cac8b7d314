package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A central-difference gradient check with named tolerances (as DL4J's autodiff validation {@code TestCase} names
 * its epsilon, maximum relative error and minimum absolute error). For each checked coordinate i, with analytic
 * gradient a and numeric gradient {@code n = (f(x + h e_i) - f(x - h e_i)) / 2h}, the error {@code |a - n|} must be
 * at most {@link #absoluteTolerance} or at most {@link #maxRelativeError} times {@code max(|a|, |n|)}. The largest
 * analytic component must exceed {@link #nonZeroFloor}, so a gradient that vanishes cannot pass trivially.
 *
 * @param step h, the perturbation of one coordinate
 * @param maxRelativeError the largest error allowed relative to the coordinate's own gradient
 * @param absoluteTolerance errors up to this pass whatever their relative size (a central difference's roundoff is
 *                          absolute: about ulp(f) / h)
 * @param nonZeroFloor the largest checked analytic component must be greater than this
 */
public record FiniteDifferenceCheck(double step, double maxRelativeError, double absoluteTolerance,
                                    double nonZeroFloor) {
    /**
     * Perturbs each listed coordinate of {@code values} in place (restoring it), re-evaluates the function, and
     * asserts that the analytic gradients match the central differences.
     *
     * @param values the arrays the function reads, by name (perturbed in place, restored afterwards)
     * @param analytic the gradients under test, by the same names
     * @param coordinates flat C-order indices to check, by name
     * @param function the scalar function of {@code values}
     */
    public void assertGradients(Map<String, INDArray> values, Map<String, INDArray> analytic,
                                Map<String, long[]> coordinates, DoubleSupplier function) {
        double largest = 0;
        for (var e : coordinates.entrySet()) {
            INDArray x = values.get(e.getKey());
            for (long i : e.getValue()) {
                double numeric = centralDifference(x, i, function);
                double a = analytic.get(e.getKey()).getDouble(i);
                double error = Math.abs(a - numeric);
                largest = Math.max(largest, Math.abs(a));
                assertThat(error <= absoluteTolerance || error <= maxRelativeError * Math.max(Math.abs(a),
                        Math.abs(numeric)))
                        .as("%s[%d]: analytic %.10g, central difference %.10g, error %.3g (allowed: relative %.1g "
                                + "or absolute %.1g)", e.getKey(), i, a, numeric, error, maxRelativeError,
                                absoluteTolerance)
                        .isTrue();
            }
        }
        assertThat(largest).as("largest checked gradient component (it must not vanish)").isGreaterThan(nonZeroFloor);
    }

    private double centralDifference(INDArray x, long i, DoubleSupplier function) {
        double original = x.getDouble(i);
        x.putScalar(i, original + step);
        double plus = function.getAsDouble();
        x.putScalar(i, original - step);
        double minus = function.getAsDouble();
        x.putScalar(i, original);
        return (plus - minus) / (2 * step);
    }
}
