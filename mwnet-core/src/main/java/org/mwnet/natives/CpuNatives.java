package org.mwnet.natives;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which build of ND4J's CPU natives JavaCPP loads, by the processor's features, before ND4J loads.
 * <p>
 * mwnet ships nd4j-native's oneDNN builds: {@code -onednn-avx2} and the generic {@code -onednn}. oneDNN runs the
 * convolutions, transposed convolutions and pooling (9-30x faster than nd4j's own loops here) and picks its kernels
 * for the processor at run time, so an AVX-512 machine gains little from a separate AVX-512 build. The AVX2 build
 * stops the JVM ({@code System.exit}) on a processor without AVX2, and JavaCPP would otherwise prefer it whenever its
 * jar is present, so the choice is made here, from {@code /proc/cpuinfo}. A value the user set for the JavaCPP
 * property is kept; where the named build is absent JavaCPP falls back to the plain one.
 */
public final class CpuNatives {
    /** JavaCPP's system property naming the natives' build (the classifier's suffix). */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The build for processors with AVX2. */
    public static final String AVX2 = "-onednn-avx2";
    /** The build for every other x86-64 processor. */
    public static final String GENERIC = "-onednn";
    /** The features nd4j's AVX2 build is compiled for (Haswell and later, Zen and later). */
    static final List<String> AVX2_FEATURES = List.of("avx2", "fma", "f16c", "bmi1", "bmi2");

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuNatives() {
    }

    /**
     * Sets {@link #EXTENSION_PROPERTY} for this processor unless it is already set, or the processor's features
     * cannot be read (another operating system: JavaCPP then loads the one build the platform has).
     *
     * @return the build in force, or null when none was chosen
     */
    public static String choose() {
        String set = System.getProperty(EXTENSION_PROPERTY);
        if (set != null) {
            return set;
        }
        if (!Files.isReadable(CPUINFO)) {
            return null;
        }
        try {
            String variant = variantFor(Files.readString(CPUINFO));
            System.setProperty(EXTENSION_PROPERTY, variant);
            return variant;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param cpuinfo the text of {@code /proc/cpuinfo}
     * @return {@link #AVX2} when its first {@code flags} line lists every one of {@link #AVX2_FEATURES}, else
     *         {@link #GENERIC}
     */
    static String variantFor(String cpuinfo) {
        Set<String> flags = cpuinfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                .orElse(Set.of());
        return flags.containsAll(AVX2_FEATURES) ? AVX2 : GENERIC;
    }
}
