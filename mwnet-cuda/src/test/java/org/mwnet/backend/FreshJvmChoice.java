package org.mwnet.backend;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Run in a JVM of its own by {@link BackendsTest}, where ND4J has not loaded yet: a machine with an Ada GPU and a
 * CUDA backend that cannot load ({@link FakeCudaBackend}), on ND4J's class path. Prints the report line, or the
 * exception's message.
 */
final class FreshJvmChoice {
    private FreshJvmChoice() {
    }

    /**
     * @param args the stand-in CUDA backend's class-path root, a directory holding a stand-in nvidia-smi, and the
     *             request
     */
    public static void main(String[] args) throws Exception {
        ND4JClassLoading.setNd4jClassloader(new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                FreshJvmChoice.class.getClassLoader()));
        try {
            System.out.println(Backends.use(BackendChoice.Request.parse(args[2]), new GpuProbe(args[1]), true).line());
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }
}
