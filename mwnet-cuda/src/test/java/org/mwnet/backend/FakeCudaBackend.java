package org.mwnet.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A stand-in for nd4j-cuda's jar on a machine where its natives cannot load: a class of the CUDA backend's name,
 * registered for ND4J as the real one is, whose availability check fails as the real one does when the CUDA
 * runtime or driver is missing (it rethrows the root cause wrapped in a RuntimeException).
 */
final class FakeCudaBackend {
    /** What the stand-in's availability check fails with. */
    static final String FAILURE = "no jnind4jcuda in java.library.path";

    private static final String SOURCE = String.join("\n",
            "package org.nd4j.linalg.jcublas;",
            "public class JCublasBackend extends org.nd4j.linalg.factory.Nd4jBackend {",
            "    public boolean isAvailable() { throw new RuntimeException(new UnsatisfiedLinkError(\"" + FAILURE + "\")); }",
            "    public boolean canRun() { return isAvailable(); }",
            "    public int getPriority() { return BACKEND_PRIORITY_GPU; }",
            "    public boolean allowsOrder() { return false; }",
            "    public org.nd4j.common.io.Resource getConfigurationResource() { throw new UnsupportedOperationException(); }",
            "    public Class getNDArrayClass() { throw new UnsupportedOperationException(); }",
            "    public org.nd4j.linalg.factory.Environment getEnvironment() { throw new UnsupportedOperationException(); }",
            "    public String buildInfo() { return \"stand-in\"; }",
            "    public void logBackendInit() { }",
            "}", "");

    private FakeCudaBackend() {
    }

    /**
     * @param dir an empty directory
     * @return {@code dir}, now a class-path root holding the compiled stand-in and its registration
     */
    static Path writeTo(Path dir) throws IOException {
        Path source = dir.resolve("org/nd4j/linalg/jcublas/JCublasBackend.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-nowarn", "-cp", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("the stand-in CUDA backend does not compile");
        }
        Path registration = dir.resolve(BackendServices.REGISTRATIONS);
        Files.createDirectories(registration.getParent());
        Files.writeString(registration, BackendChoice.CUDA_BACKEND_CLASS + "\n");
        return dir;
    }
}
