package org.mwnet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

/** What is reported comes from the backend that loaded; a chosen backend that did not load is named, with why. */
class LoadedBackendTest {
    private static final BackendInfo CPU = new BackendInfo("cpu", "Test CPU x2", null, 1024, "OpenBLAS", 1, "native");
    private static final BackendChoice CUDA_ON_ADA =
            new BackendChoice("cuda", "NVIDIA GeForce RTX 4090 (compute capability 8.9, 24564 MiB)");

    @Test
    void aChoiceThatLoadedIsReportedAsIs() {
        LoadedBackend loaded = LoadedBackend.check(new BackendChoice("cpu", "requested"), CPU, () -> {
            throw new AssertionError("the CUDA backend asked although it was not chosen");
        });
        assertThat(loaded.asChosen()).isTrue();
        assertThat(loaded.line()).isEqualTo("backend cpu: requested; running cpu on Test CPU x2, 1024 MiB, BLAS OpenBLAS, "
                + "1 thread(s)");
    }

    @Test
    void cudaChosenButTheCpuLoadedSaysSoAndWhy() {
        LoadedBackend loaded = LoadedBackend.check(CUDA_ON_ADA, CPU,
                () -> "cudaErrorInsufficientDriver: CUDA driver version is insufficient for CUDA runtime version");
        assertThat(loaded.asChosen()).isFalse();
        assertThat(loaded.line()).isEqualTo("backend cpu: CUDA device found (NVIDIA GeForce RTX 4090 (compute capability "
                + "8.9, 24564 MiB)) but the CUDA backend failed to load: cudaErrorInsufficientDriver: CUDA driver version "
                + "is insufficient for CUDA runtime version; running cpu on Test CPU x2, 1024 MiB, BLAS OpenBLAS, "
                + "1 thread(s)");
    }

    /** On this build (no CUDA backend) ND4J runs the CPU; a CUDA choice is told why it did not load. */
    @Test
    void onACpuOnlyBuildTheCudaBackendIsMissing() {
        assumeFalse(BackendChoice.cudaBuilt(), "a build with -Pcuda has the CUDA backend");
        BackendInfo live = BackendInfo.live();
        assertThat(live.backend()).isEqualTo("cpu");
        assertThat(LoadedBackend.check(CUDA_ON_ADA, live).reason()).isEqualTo("backend cpu: CUDA device found (NVIDIA "
                + "GeForce RTX 4090 (compute capability 8.9, 24564 MiB)) but the CUDA backend failed to load: this build "
                + "has no CUDA backend (org.nd4j.linalg.jcublas.JCublasBackend is not on the classpath)");
    }
}
