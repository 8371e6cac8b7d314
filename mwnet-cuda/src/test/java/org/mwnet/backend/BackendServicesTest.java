package org.mwnet.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * The CPU choice on a CUDA build, without one: a directory registering ND4J's CUDA backend as nd4j-cuda's jar does
 * stands in for the jar, and ND4J's backend lookup through {@link BackendServices} must not see it.
 */
class BackendServicesTest {
    @TempDir
    Path tmp;

    private URLClassLoader withCudaRegistered() throws Exception {
        Path file = tmp.resolve(BackendServices.REGISTRATIONS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# nd4j-cuda's registration\norg.nd4j.linalg.jcublas.JCublasBackend\n");
        return new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void hidesTheCudaRegistrationAndNothingElse() throws Exception {
        try (URLClassLoader app = withCudaRegistered()) {
            List<URL> all = Collections.list(app.getResources(BackendServices.REGISTRATIONS));
            URL cuda = tmp.resolve(BackendServices.REGISTRATIONS).toUri().toURL();
            assertThat(all).contains(cuda).hasSizeGreaterThan(1);

            BackendServices cpuOnly = new BackendServices(app, true);
            assertThat(cpuOnly.backendsLookedUp()).isFalse();
            List<String> backends = ServiceLoader.load(Nd4jBackend.class, cpuOnly).stream()
                    .map(p -> p.type().getName()).toList();
            assertThat(backends).containsExactly("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
            assertThat(cpuOnly.backendsLookedUp()).isTrue();

            BackendServices everything = new BackendServices(app, false);
            assertThat(Collections.list(everything.getResources(BackendServices.REGISTRATIONS))).isEqualTo(all);
            assertThat(Collections.list(cpuOnly.getResources("logback-test.xml")))
                    .isEqualTo(Collections.list(app.getResources("logback-test.xml")));
        }
    }

    @Test
    void otherResourcesAreNotABackendLookup() throws Exception {
        BackendServices services = new BackendServices(getClass().getClassLoader(), true);
        assertThat(Collections.list(services.getResources("logback-test.xml"))).hasSize(1);
        assertThat(services.backendsLookedUp()).isFalse();
    }
}
