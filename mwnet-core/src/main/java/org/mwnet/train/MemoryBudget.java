package org.mwnet.train;

import java.util.Locale;
import java.util.OptionalLong;
import org.mwnet.natives.ProcessMemory;
import org.mwnet.nn.Network;
import org.mwnet.nn.ParamSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Estimates the resident memory a training step needs, so that a configuration that cannot fit stops with one line
 * (and a batch size that fits) instead of being killed by the kernel's out-of-memory killer.
 * <p>
 * The estimate is {@code base + k * bytes * activations * batch}: the process's base (JVM, natives, datasets'
 * arrays, measured as its current resident size), and the arrays a step keeps alive per sample, {@code k} times
 * the activation elements of one forward pass. A meta step holds the training batch's forward pass, its explicit
 * backward pass, the meta batch's forward pass and their reverse pass: a ResNet-32 MW-Net iteration at batch 100
 * in float (nd4j 1.0.0-M2.1 with oneDNN, 2026-11-28) peaked at 2.9 GB for the meta step alone and about 4 GB for
 * the process, so {@code k = 8} (34 MB per sample) with the base; a plain step keeps a forward and a backward
 * pass, {@code k = 4}.
 */
public final class MemoryBudget {
    /** Arrays kept per activation element and sample by a meta step (MW-Net, L2RW). */
    static final double META_STEP_FACTOR = 8;
    /** The same for a plain weighted cross-entropy step. */
    static final double PLAIN_STEP_FACTOR = 4;
    /** Bytes in a GiB, for messages. */
    static final double GIB = 1L << 30;

    private MemoryBudget() {
    }

    /**
     * @param net the classifier
     * @param batch the larger of the training and meta batch sizes
     * @param metaStep whether the method runs the bilevel meta step
     * @param dataType FLOAT or DOUBLE
     * @return the bytes a step adds to the process, beyond its base
     */
    public static long stepBytes(Network net, int batch, boolean metaStep, DataType dataType) {
        double factor = metaStep ? META_STEP_FACTOR : PLAIN_STEP_FACTOR;
        return (long) (factor * dataType.width() * (double) net.activationsPerSample() * batch);
    }

    /**
     * Checks that a step fits in this machine's available memory; does nothing where that cannot be read.
     *
     * @param net the classifier
     * @param batch the larger of the training and meta batch sizes
     * @param metaStep whether the method runs the bilevel meta step
     * @param dataType FLOAT or DOUBLE
     * @throws IllegalArgumentException when it does not fit, saying how much it needs and what batch size fits
     */
    public static void check(Network net, int batch, boolean metaStep, DataType dataType) {
        OptionalLong available = ProcessMemory.availableBytes();
        if (available.isEmpty()) {
            return;
        }
        long need = stepBytes(net, batch, metaStep, dataType);
        if (need <= available.getAsLong()) {
            return;
        }
        long perSample = Math.max(1, stepBytes(net, 1, metaStep, dataType));
        long fits = available.getAsLong() / perSample;
        long base = ProcessMemory.residentBytes().orElse(0);
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s at batch %d needs about %.1f GiB for a %s "
                        + "step beside the %.1f GiB the process holds, and this machine has %.1f GiB available; %s",
                net.name(), batch, need / GIB, metaStep ? "meta" : "training", base / GIB,
                available.getAsLong() / GIB, fits >= 1 ? "a batch of at most " + fits + " fits" : "no batch fits"));
    }

    /**
     * @param net a network
     * @param dataType FLOAT or DOUBLE
     * @return the bytes of its parameters and buffers (a double: absurd widths overflow a long)
     */
    static double parameterBytes(Network net, DataType dataType) {
        double values = 0;
        for (ParamSpec p : net.params()) {
            double n = 1;
            for (long d : p.shape()) {
                n *= d;
            }
            values += n;
        }
        return values * dataType.width();
    }

    /**
     * @return the most memory ND4J may allocate: its off-heap allocator (JavaCPP) is capped by default at the JVM's
     *     maximum heap, so that is the limit of arrays as well as of Java objects
     */
    static long memoryLimit() {
        return Runtime.getRuntime().maxMemory();
    }
}
