package org.mwnet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The library's entry point. ND4J loads once per JVM and these tests share one, so each test that needs ND4J loaded
 * loads it first; which backend loads does not depend on the order, as this build has only the CPU one.
 */
class BackendsTest {
    @TempDir
    Path tmp;

    @Test
    void choosingTheCpuRunsTheCpu() {
        LoadedBackend loaded = Backends.use("CPU");
        assertThat(loaded.asChosen()).isTrue();
        assertThat(loaded.info().backend()).isEqualTo("cpu");
        assertThat(loaded.line()).startsWith("backend cpu: requested; running cpu on ");
        assertThat(Nd4j.getBackend().getClass().getSimpleName()).isEqualTo("CpuBackend");
        assertThat(Backends.use("cpu").info()).as("asking again is harmless").isEqualTo(loaded.info());
    }

    @Test
    void autoWithNoDeviceListedPicksTheCpu() throws IOException {
        LoadedBackend loaded = Backends.use(BackendChoice.Request.AUTO, FakeNvidiaSmi.listingNone(tmp), true);
        assertThat(loaded.asChosen()).isTrue();
        assertThat(loaded.line()).startsWith("backend cpu: no CUDA device found (nvidia-smi lists none); running cpu on ");
    }

    @Test
    void cudaAfterNd4jLoadedTheCpuFailsClearly() throws IOException {
        Nd4j.scalar(1.0);
        ClassLoader before = ND4JClassLoading.getNd4jClassloader();
        GpuProbe ada = FakeNvidiaSmi.answering(tmp, FakeNvidiaSmi.ADA, 0);
        assertThatThrownBy(() -> Backends.use(BackendChoice.Request.CUDA, ada, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ND4J has already loaded its cpu backend, so the cuda backend chosen (NVIDIA GeForce RTX 4090 "
                        + "(compute capability 8.9, 24564 MiB)) cannot be used: call Backends.use before anything uses ND4J");
        assertThat(ND4JClassLoading.getNd4jClassloader()).as("ND4J's class loader restored").isSameAs(before);
    }

    /**
     * Where ND4J has not loaded yet (a JVM of its own), on an Ada GPU, with a CUDA backend whose natives cannot load:
     * ND4J falls back to the CPU, and the line says so instead of "backend cuda".
     */
    @Test
    void aCudaBackendThatFailsToLoadIsReportedFromWhatLoaded() throws Exception {
        assumeFalse(BackendChoice.cudaBuilt(), "a build with -Pcuda has a real CUDA backend, which may load");
        Path cudaJar = FakeCudaBackend.writeTo(Files.createTempDirectory(tmp, "cuda-jar"));
        Path smi = Files.createTempDirectory(tmp, "smi");
        FakeNvidiaSmi.answering(smi, FakeNvidiaSmi.ADA, 0);
        String failure = "CUDA device found (NVIDIA GeForce RTX 4090 (compute capability 8.9, 24564 MiB)) but the CUDA "
                + "backend failed to load: UnsatisfiedLinkError: " + FakeCudaBackend.FAILURE;
        assertThat(freshJvm(cudaJar, smi, "auto")).startsWith("backend cpu: " + failure + "; running cpu on ");
        assertThat(freshJvm(cudaJar, smi, "cuda")).isEqualTo("cannot use CUDA: " + failure);
    }

    /** @return what {@link FreshJvmChoice} prints in a new JVM */
    private static String freshJvm(Path cudaJar, Path smi, String request) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-cp", System.getProperty("java.class.path"),
                FreshJvmChoice.class.getName(), cudaJar.toString(), smi.toString(), request)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    @Test
    void unknownRequestsAreRefused() {
        assertThatThrownBy(() -> Backends.use("gpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown backend 'gpu'; expected auto, cpu or cuda");
    }

    @Test
    void theThreadCountIsWhatTheLiveBackendReports() {
        Threads.set(1);
        BackendInfo live = BackendInfo.live();
        assertThat(live.threads()).isEqualTo(1);
        assertThat(live.blas()).isNotBlank();
    }
}
