package org.mwnet.meta;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a graph's gradient function once, up front. SameDiff 1.0.0-M2.1 prints a line to standard output for every
 * op it differentiates; that output is swallowed here so the library stays quiet.
 */
final class GradientFunction {
    private GradientFunction() {
    }

    /**
     * @param sd the graph, its loss set
     * @param variables the variables whose gradients will be asked for
     */
    static void create(SameDiff sd, List<String> variables) {
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction(variables.toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
        }
    }
}
