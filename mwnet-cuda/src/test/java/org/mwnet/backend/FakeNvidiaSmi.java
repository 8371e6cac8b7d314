package org.mwnet.backend;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-ins for {@code nvidia-smi}: shell scripts that answer mwnet's query ({@link GpuProbe#QUERY}) as the real one
 * does on a given machine, each in a directory of its own put first on the probe's search path. A query other than
 * mwnet's gets nvidia-smi's answer to bad arguments, so a probe that changed its query would fail these tests.
 */
final class FakeNvidiaSmi {
    /** An H100 (Hopper, compute capability 9.0), as nvidia-smi lists it. */
    static final String HOPPER = "NVIDIA H100 80GB HBM3, 9.0, 81559";
    /** An RTX 4090 (Ada, 8.9). */
    static final String ADA = "NVIDIA GeForce RTX 4090, 8.9, 24564";

    private FakeNvidiaSmi() {
    }

    /**
     * @param dir an empty directory for the script
     * @param output what the script prints for mwnet's query
     * @param exitCode what it exits with
     * @return a probe whose search path is {@code dir}, then this process's PATH (whatever nvidia-smi that holds)
     */
    static GpuProbe answering(Path dir, String output, int exitCode) throws IOException {
        String expected = String.join(" ", GpuProbe.QUERY);
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "if [ \"$*\" != '" + expected + "' ]; then",
                "  echo \"Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\"",
                "  exit 2",
                "fi",
                "cat <<'END'",
                output,
                "END",
                "exit " + exitCode, ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new GpuProbe(dir + File.pathSeparator + System.getenv("PATH"));
    }

    /** @return a probe for a machine that has a driver and no device: nvidia-smi's answer and exit code 6 */
    static GpuProbe listingNone(Path dir) throws IOException {
        return answering(dir, GpuProbe.NO_DEVICES, 6);
    }

    /** @return a probe for a driver older than R510, which does not know the compute_cap field */
    static GpuProbe oldDriver(Path dir) throws IOException {
        return answering(dir, "Field \"compute_cap\" is not a valid field to query.\n", 2);
    }

    /** @return a probe whose search path is only {@code emptyDir}: no nvidia-smi anywhere */
    static GpuProbe missing(Path emptyDir) {
        return new GpuProbe(emptyDir.toString());
    }
}
