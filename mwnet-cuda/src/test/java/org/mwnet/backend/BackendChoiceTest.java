package org.mwnet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend choice, on machines simulated with a stand-in nvidia-smi ({@link FakeNvidiaSmi}): nothing here depends
 * on this machine's devices or driver.
 */
class BackendChoiceTest {
    private static final Gpu AMPERE = new Gpu("NVIDIA GeForce RTX 3090", 8.6, 24576);
    private static final Gpu HOPPER = new Gpu("NVIDIA H100 80GB HBM3", 9.0, 81559);
    private static final BackendChoice.Request AUTO = BackendChoice.Request.AUTO;
    private static final BackendChoice.Request CUDA = BackendChoice.Request.CUDA;

    @TempDir
    Path tmp;

    @Test
    void autoTakesASupportedGpuWhenTheCudaBackendIsBuilt() {
        BackendChoice c = BackendChoice.decide(AUTO, true, () -> GpuScan.listed(List.of(HOPPER, AMPERE)));
        assertThat(c.backend()).isEqualTo("cuda");
        assertThat(c.reason()).isEqualTo("backend cuda: NVIDIA GeForce RTX 3090 (compute capability 8.6, 24576 MiB)");
        assertThat(c.shellExports()).contains("BACKEND_PRIORITY_GPU=100").contains("MWNET_BACKEND_CHOSEN=cuda");
    }

    @Test
    void autoFallsBackToTheCpuSayingWhy() {
        assertThat(BackendChoice.decide(AUTO, true, () -> GpuScan.listed(List.of())).reason())
                .isEqualTo("backend cpu: no CUDA device found (nvidia-smi lists none)");
        assertThat(BackendChoice.decide(AUTO, true, () -> GpuScan.listed(List.of(HOPPER))).reason())
                .contains("not Hopper (9.0)");
        assertThat(BackendChoice.decide(AUTO, false, () -> GpuScan.listed(List.of(AMPERE))).reason())
                .contains("rebuild with mvn -Pcuda");
        BackendChoice cpu = BackendChoice.decide(AUTO, false, () -> GpuScan.listed(List.of()));
        assertThat(cpu.backend()).isEqualTo("cpu");
        assertThat(cpu.shellExports()).contains("BACKEND_PRIORITY_GPU=-100").contains("BACKEND_PRIORITY_CPU=200");
    }

    @Test
    void cudaRefusesClearlyWithoutASupportedDevice() {
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, () -> GpuScan.listed(List.of(HOPPER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot use CUDA: no supported CUDA device").hasMessageContaining("H100");
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, () -> GpuScan.listed(List.of())))
                .hasMessage("cannot use CUDA: no CUDA device found (nvidia-smi lists none)");
        assertThatThrownBy(() -> BackendChoice.Request.parse("tpu"))
                .hasMessage("unknown backend 'tpu'; expected auto, cpu or cuda");
    }

    @Test
    void cpuIsTakenWithoutAskingForDevices() {
        BackendChoice c = BackendChoice.decide(BackendChoice.Request.CPU, true, () -> {
            throw new AssertionError("nvidia-smi asked although the CPU was requested");
        });
        assertThat(c.reason()).isEqualTo("backend cpu: requested");
    }

    @Test
    void parsesNvidiaSmiOutput() {
        List<Gpu> gpus = GpuProbe.parse("NVIDIA A100-SXM4-40GB, 8.0, 40960\nNVIDIA H100 PCIe, 9.0, 81559\ngarbage\n");
        assertThat(gpus).containsExactly(new Gpu("NVIDIA A100-SXM4-40GB", 8.0, 40960), new Gpu("NVIDIA H100 PCIe", 9.0, 81559));
        assertThat(gpus.get(0).supported()).isTrue();
        assertThat(gpus.get(1).supported()).isFalse();
    }

    @Test
    void aMigSliceWithoutReportedMemoryIsStillADevice() throws IOException {
        GpuScan scan = FakeNvidiaSmi.answering(tmp, "NVIDIA A100-SXM4-40GB MIG 1g.5gb, 8.0, [N/A]", 0).scan();
        assertThat(scan.devices()).containsExactly(new Gpu("NVIDIA A100-SXM4-40GB MIG 1g.5gb", 8.0, -1));
        assertThat(BackendChoice.decide(CUDA, true, () -> scan).reason())
                .isEqualTo("backend cuda: NVIDIA A100-SXM4-40GB MIG 1g.5gb (compute capability 8.0, memory not reported)");
    }

    @Test
    void anAnswerThatIsNotADeviceListIsNotReportedAsNone() throws IOException {
        GpuScan scan = FakeNvidiaSmi.answering(tmp, "NVIDIA A100, [N/A], [N/A]", 0).scan();
        assertThat(scan).isEqualTo(GpuScan.failed("nvidia-smi's answer was not understood: NVIDIA A100, [N/A], [N/A]"));
        assertThat(BackendChoice.decide(AUTO, true, () -> scan).reason()).doesNotContain("lists none")
                .contains("not understood");
    }

    @Test
    void hopperIsListedButNotSupported() throws IOException {
        GpuScan scan = FakeNvidiaSmi.answering(tmp, FakeNvidiaSmi.HOPPER, 0).scan();
        assertThat(scan).isEqualTo(GpuScan.listed(List.of(HOPPER)));
        assertThat(BackendChoice.decide(AUTO, true, () -> scan).reason())
                .isEqualTo("backend cpu: no supported CUDA device: [NVIDIA H100 80GB HBM3 (compute capability 9.0, "
                        + "81559 MiB)]; ND4J 1.0.0-M2.1 runs on compute capability 3.7 to 8.6/8.9 (Kepler to Ada), "
                        + "not Hopper (9.0) or newer");
    }

    @Test
    void adaIsTakenWhenTheCudaBackendIsBuilt() throws IOException {
        GpuScan scan = FakeNvidiaSmi.answering(tmp, FakeNvidiaSmi.ADA, 0).scan();
        assertThat(scan.devices()).containsExactly(new Gpu("NVIDIA GeForce RTX 4090", 8.9, 24564));
        assertThat(BackendChoice.decide(CUDA, true, () -> scan).reason())
                .isEqualTo("backend cuda: NVIDIA GeForce RTX 4090 (compute capability 8.9, 24564 MiB)");
        assertThat(BackendChoice.decide(AUTO, false, () -> scan).reason())
                .isEqualTo("backend cpu: found NVIDIA GeForce RTX 4090 (compute capability 8.9, 24564 MiB) but this "
                        + "build has no CUDA backend (rebuild with mvn -Pcuda install)");
    }

    @Test
    void aDriverWithoutDevicesListsNone() throws IOException {
        GpuScan scan = FakeNvidiaSmi.listingNone(tmp).scan();
        assertThat(scan).isEqualTo(GpuScan.listed(List.of()));
        assertThat(BackendChoice.decide(AUTO, true, () -> scan).reason())
                .isEqualTo("backend cpu: no CUDA device found (nvidia-smi lists none)");
    }

    @Test
    void aMissingNvidiaSmiIsReportedAsMissing() {
        GpuScan scan = FakeNvidiaSmi.missing(tmp).scan();
        assertThat(scan.devices()).isEmpty();
        assertThat(BackendChoice.decide(AUTO, true, () -> scan).reason())
                .isEqualTo("backend cpu: no CUDA device found (nvidia-smi not found on the PATH)");
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, () -> scan))
                .hasMessage("cannot use CUDA: no CUDA device found (nvidia-smi not found on the PATH)");
    }

    @Test
    void aDriverTooOldForComputeCapabilityIsReportedAsSuch() throws IOException {
        GpuScan scan = FakeNvidiaSmi.oldDriver(tmp).scan();
        String why = "NVIDIA driver too old to report compute capability (nvidia-smi: Field \"compute_cap\" is not a "
                + "valid field to query.); update the driver to use CUDA";
        assertThat(scan).isEqualTo(GpuScan.failed(why));
        assertThat(BackendChoice.decide(AUTO, true, () -> scan).reason()).isEqualTo("backend cpu: " + why);
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, () -> scan)).hasMessage("cannot use CUDA: " + why);
    }

    @Test
    void anyOtherNvidiaSmiFailureIsQuoted() throws IOException {
        String said = "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the "
                + "latest NVIDIA driver is installed and running.";
        GpuScan scan = FakeNvidiaSmi.answering(tmp, said + "\n", 9).scan();
        assertThat(scan.whyNone()).isEqualTo("nvidia-smi failed (exit code 9): " + said);
    }

    /** The launcher evaluates the exports in bash; what the tool then reads back is the choice, quotes included. */
    @Test
    void theLauncherHandsTheChoiceOverThroughTheShell() throws Exception {
        BackendChoice choice = new BackendChoice("cpu", "driver's \"compute_cap\" field unknown; $HOME `x`");
        Process sh = new ProcessBuilder("bash", "-c", choice.shellExports() + "echo \"$MWNET_BACKEND_CHOSEN\"; "
                + "echo \"$MWNET_BACKEND_WHY\"; echo \"$BACKEND_PRIORITY_CPU $BACKEND_PRIORITY_GPU\"")
                .redirectErrorStream(true).start();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly("cpu", choice.why(), "200 -100");
        assertThat(BackendChoice.fromLauncher(Map.of("MWNET_BACKEND_CHOSEN", lines.get(0), "MWNET_BACKEND_WHY",
                lines.get(1)))).contains(choice);
        assertThat(BackendChoice.fromLauncher(Map.of())).isEmpty();
    }
}
