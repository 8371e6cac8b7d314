package org.mwnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * What the driver's configuration gives executors: the backend plugin and request always, its own class path only to
 * executors in JVMs of their own that nothing else ships mwnet to.
 */
class ExecutorSetupTest {
    private static SparkConf conf(String master) {
        return new SparkConf(false).setMaster(master);
    }

    @Test
    void everyRunGetsThePluginAndTheRunsRequest() {
        SparkConf c = ExecutorSetup.apply(conf("local[2]"), "cpu");
        assertThat(c.get(ExecutorSetup.PLUGINS)).isEqualTo(BackendPlugin.class.getName());
        assertThat(c.get(BackendPlugin.REQUEST)).isEqualTo("cpu");
        assertThat(c.contains(ExecutorSetup.CLASS_PATH)).as("local mode: the executor is this JVM").isFalse();
    }

    @Test
    void executorsOfTheirOwnGetTheDriversClassPathUnlessSparkJarsShipsMwnet() {
        assertThat(ExecutorSetup.apply(conf("spark://127.0.0.1:7077"), "auto").get(ExecutorSetup.CLASS_PATH))
                .isEqualTo(System.getProperty("java.class.path"));
        assertThat(ExecutorSetup.apply(conf("local-cluster[2,1,512]"), "auto").contains(ExecutorSetup.CLASS_PATH))
                .isTrue();
        SparkConf submitted = conf("yarn").set(ExecutorSetup.JARS, "mwnet-examples.jar,lib/nd4j-api.jar");
        assertThat(ExecutorSetup.apply(submitted, "auto").contains(ExecutorSetup.CLASS_PATH)).isFalse();
    }

    @Test
    void aUsersPluginsAndExecutorRequestAreKept() {
        SparkConf c = conf("yarn").set(ExecutorSetup.PLUGINS, "com.example.Metrics").set(BackendPlugin.REQUEST, "cuda");
        ExecutorSetup.apply(c, "cpu");
        ExecutorSetup.apply(c, "cpu");
        assertThat(c.get(ExecutorSetup.PLUGINS)).isEqualTo("com.example.Metrics," + BackendPlugin.class.getName());
        assertThat(c.get(BackendPlugin.REQUEST)).isEqualTo("cuda");
    }
}
