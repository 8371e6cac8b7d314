package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests' logging does not depend on the class path's order. mwnet-core's test classes are on this module's test
 * class path (its test-jar, or under {@code mvn test} its folder), and so is every Spark executor these tests start;
 * a second {@code logback-test.xml} there makes logback pick one by order and print its status report into output
 * that tests expect to be one line. Run under {@code mvn test} as well as {@code mvn verify} ({@code .ci/run}).
 */
class TestLoggingTest {
    @Test
    void theTestClassPathHoldsOneLogbackConfiguration() throws Exception {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources("logback-test.xml"));
        assertThat(found).as("logback-test.xml on the test class path").hasSize(1);
        assertThat(found.get(0).getPath()).contains("mwnet-examples");
    }
}
