package org.mwnet.backend;

import java.util.List;

/**
 * What {@code nvidia-smi} said about the CUDA devices: the devices it listed, or why it could not list any.
 *
 * @param devices the devices listed (empty when none was, or when nvidia-smi could not answer)
 * @param problem why nvidia-smi could not answer (not found, driver too old, failed), or null when it answered
 */
public record GpuScan(List<Gpu> devices, String problem) {
    /** Copies the list. */
    public GpuScan {
        devices = List.copyOf(devices);
    }

    /**
     * @param devices what nvidia-smi listed
     * @return a scan that found these devices (possibly none)
     */
    public static GpuScan listed(List<Gpu> devices) {
        return new GpuScan(devices, null);
    }

    /**
     * @param problem why nvidia-smi gave no list, e.g. "nvidia-smi not found"
     * @return a scan that could not see the devices
     */
    public static GpuScan failed(String problem) {
        return new GpuScan(List.of(), problem);
    }

    /** @return why no device is available to CUDA: what nvidia-smi said, or that it lists none */
    public String whyNone() {
        return problem != null ? problem : "no CUDA device found (nvidia-smi lists none)";
    }
}
