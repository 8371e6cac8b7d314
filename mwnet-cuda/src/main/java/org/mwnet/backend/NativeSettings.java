package org.mwnet.backend;

import org.mwnet.natives.CpuNatives;

/**
 * JVM settings for ND4J's natives; call {@link #apply()} before anything touches ND4J.
 * <ul>
 * <li>The natives' build for this processor: the oneDNN one with AVX2 where it can run ({@link CpuNatives}).</li>
 * <li>JavaCPP checks the process's physical memory (a system call) on every native allocation unless
 * {@code org.bytedeco.javacpp.maxPhysicalBytes} is 0; SameDiff allocates buffers for most ops, and that check cost
 * about a sixth of a MW-Net iteration here.</li>
 * </ul>
 * A value the user set is kept.
 */
public final class NativeSettings {
    /** JavaCPP's physical-memory limit property. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeSettings() {
    }

    /** Sets the defaults that are not already set. */
    public static void apply() {
        CpuNatives.choose();
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
