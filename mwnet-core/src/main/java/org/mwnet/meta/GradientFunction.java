package org.mwnet.meta;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwnet.nn.GraphMemory;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A graph's gradient function, built once up front and run so that memory stays bounded.
 * <ul>
 * <li>SameDiff 1.0.0-M2.1 prints a line to standard output for every op it differentiates while building; that
 * output is swallowed so the library stays quiet.</li>
 * <li>{@code SameDiff.calculateGradients} switches off the session's array tracking, so every intermediate of the
 * forward and reverse pass stays allocated until the garbage collector finds it (gigabytes for ResNet-32). The
 * gradient function is run directly instead, with release on and a bounded cache ({@link GraphMemory}).</li>
 * </ul>
 */
final class GradientFunction {
    private final SameDiff grad;
    private final Map<String, String> gradientNames = new HashMap<>();

    /**
     * @param sd the graph, its loss set
     * @param variables the variables whose gradients will be asked for
     */
    GradientFunction(SameDiff sd, List<String> variables) {
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction(variables.toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
        }
        this.grad = sd.getFunction("grad");
        for (String v : variables) {
            gradientNames.put(v, sd.getVariable(v).getGradient().name());
        }
    }

    /**
     * Runs the forward and reverse pass once.
     *
     * @param feed placeholder values
     * @param outputs forward values wanted besides the gradients
     * @return the gradients by variable name, and the outputs by name, in one map
     */
    Map<String, INDArray> run(Map<String, INDArray> feed, List<String> outputs) {
        List<String> wanted = new ArrayList<>(outputs);
        wanted.addAll(gradientNames.values());
        Map<String, INDArray> values = GraphMemory.output(grad, feed, wanted.toArray(String[]::new));
        Map<String, INDArray> result = new HashMap<>();
        outputs.forEach(o -> result.put(o, values.get(o)));
        gradientNames.forEach((v, g) -> result.put(v, values.get(g)));
        return result;
    }
}
