package org.mwnet.natives;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's resident memory and the machine's available memory, as Linux reports them in {@code /proc}; empty
 * where they cannot be read (another operating system).
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private ProcessMemory() {
    }

    /** @return the peak resident set size since start or the last {@link #resetPeak()}, in bytes */
    public static OptionalLong peakResidentBytes() {
        return kibField(STATUS, "VmHWM:");
    }

    /** @return the current resident set size, in bytes */
    public static OptionalLong residentBytes() {
        return kibField(STATUS, "VmRSS:");
    }

    /** @return the memory the kernel estimates is available for new allocations, in bytes */
    public static OptionalLong availableBytes() {
        return kibField(MEMINFO, "MemAvailable:");
    }

    /**
     * Starts a new peak: the peak resident size becomes the current one (Linux 4.0 and later).
     *
     * @return whether the kernel accepted the reset
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static OptionalLong kibField(Path file, String field) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> OptionalLong.of(Long.parseLong(l.substring(field.length()).replace("kB", "").trim()) * 1024))
                    .orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
