package org.mwnet.natives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The natives' build follows the processor's features as /proc/cpuinfo lists them. */
class CpuNativesTest {
    private static String cpuinfo(String flags) {
        return "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nflags\t\t: " + flags
                + "\nbugs\t\t: sysret_ss_attrs\n\nprocessor\t: 1\nflags\t\t: fpu\n";
    }

    @Test
    void avx2ProcessorGetsTheAvx2Build() {
        assertThat(CpuNatives.variantFor(cpuinfo("fpu sse2 avx f16c bmi1 avx2 bmi2 fma avx512f")))
                .isEqualTo(CpuNatives.AVX2);
    }

    @Test
    void processorWithoutAvx2GetsTheGenericBuild() {
        assertThat(CpuNatives.variantFor(cpuinfo("fpu sse2 sse4_2 avx f16c"))).isEqualTo(CpuNatives.GENERIC);
    }

    @Test
    void avx2WithoutFmaGetsTheGenericBuild() {
        assertThat(CpuNatives.variantFor(cpuinfo("fpu avx avx2 f16c bmi1 bmi2"))).isEqualTo(CpuNatives.GENERIC);
    }

    @Test
    void unreadableFeaturesGetTheGenericBuild() {
        assertThat(CpuNatives.variantFor("")).isEqualTo(CpuNatives.GENERIC);
        assertThat(CpuNatives.variantFor("flags\t: avx2x fmax f16c bmi1 bmi2")).isEqualTo(CpuNatives.GENERIC);
    }
}
