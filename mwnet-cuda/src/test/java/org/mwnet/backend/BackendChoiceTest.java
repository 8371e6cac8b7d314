package org.mwnet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    private static final Gpu AMPERE = new Gpu("NVIDIA GeForce RTX 3090", 8.6, 24576);
    private static final Gpu HOPPER = new Gpu("NVIDIA H100 80GB HBM3", 9.0, 81559);
    private static final BackendChoice.Request AUTO = BackendChoice.Request.AUTO;
    private static final BackendChoice.Request CUDA = BackendChoice.Request.CUDA;

    @Test
    void autoTakesASupportedGpuWhenTheCudaBackendIsBuilt() {
        BackendChoice c = BackendChoice.decide(AUTO, true, List.of(HOPPER, AMPERE));
        assertThat(c.backend()).isEqualTo("cuda");
        assertThat(c.reason()).contains("RTX 3090");
        assertThat(c.shellExports()).contains("BACKEND_PRIORITY_GPU=100").contains("MWNET_BACKEND_CHOSEN=cuda");
    }

    @Test
    void autoFallsBackToTheCpuSayingWhy() {
        assertThat(BackendChoice.decide(AUTO, true, List.of()).reason())
                .isEqualTo("backend cpu: no CUDA device found (nvidia-smi lists none)");
        assertThat(BackendChoice.decide(AUTO, true, List.of(HOPPER)).reason()).contains("not Hopper (9.0)");
        assertThat(BackendChoice.decide(AUTO, false, List.of(AMPERE)).reason()).contains("rebuild with mvn -Pcuda");
        BackendChoice cpu = BackendChoice.decide(AUTO, false, List.of());
        assertThat(cpu.backend()).isEqualTo("cpu");
        assertThat(cpu.shellExports()).contains("BACKEND_PRIORITY_GPU=-100").contains("BACKEND_PRIORITY_CPU=200");
    }

    @Test
    void cudaRefusesClearlyWithoutASupportedDevice() {
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, List.of(HOPPER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--backend cuda: no supported CUDA device").hasMessageContaining("H100");
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, true, List.of()))
                .hasMessage("--backend cuda: no CUDA device found (nvidia-smi lists none)");
        assertThat(BackendChoice.decide(BackendChoice.Request.CPU, true, List.of(AMPERE)).backend()).isEqualTo("cpu");
        assertThatThrownBy(() -> BackendChoice.Request.parse("tpu"))
                .hasMessage("unknown backend 'tpu'; expected auto, cpu or cuda");
    }

    @Test
    void parsesNvidiaSmiOutput() {
        List<Gpu> gpus = GpuProbe.parse("NVIDIA A100-SXM4-40GB, 8.0, 40960\nNVIDIA H100 PCIe, 9.0, 81559\ngarbage\n");
        assertThat(gpus).containsExactly(new Gpu("NVIDIA A100-SXM4-40GB", 8.0, 40960), new Gpu("NVIDIA H100 PCIe", 9.0, 81559));
        assertThat(gpus.get(0).supported()).isTrue();
        assertThat(gpus.get(1).supported()).isFalse();
    }

    /** On this CPU-only machine: no device, auto falls back, cuda refuses, and the live backend is the CPU. */
    @Test
    void onThisMachineAutoFallsBackAndCudaRefuses() {
        List<Gpu> found = GpuProbe.devices();
        assertThat(found).isEmpty();
        assertThat(BackendChoice.decide(AUTO, BackendChoice.cudaBuilt(), found).backend()).isEqualTo("cpu");
        assertThatThrownBy(() -> BackendChoice.decide(CUDA, BackendChoice.cudaBuilt(), found))
                .hasMessageStartingWith("--backend cuda: ");
        Threads.set(1);
        BackendInfo live = BackendInfo.live();
        assertThat(live.backend()).isEqualTo("cpu");
        assertThat(live.threads()).isEqualTo(1);
        assertThat(live.blas()).isNotBlank();
    }
}
