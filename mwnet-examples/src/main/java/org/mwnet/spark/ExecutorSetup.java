package org.mwnet.spark;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;

/**
 * What a Spark run's executors need from the driver's configuration.
 * <ul>
 * <li>{@link BackendPlugin}, and the run's backend request for it ({@value BackendPlugin#REQUEST}, unless the
 * configuration already names one for the executors), so that each executor chooses its own ND4J backend.</li>
 * <li>mwnet's classes, when the executors are JVMs of their own (any master but {@code local}) and nothing ships them
 * yet. Under spark-submit, {@code spark.jars} (the application jar and {@code --jars}) ships them: then nothing is
 * added. A driver started otherwise ({@code ./mwnet train --spark-master spark://...}) gives the executors its own
 * class path as {@code spark.executor.extraClassPath}: the executors then read the same files at the same paths, so
 * this needs the workers on this machine or mwnet at the same path on every worker (a shared filesystem); and they
 * run the driver's Spark and libraries, first on their class path, whatever Spark the worker has. Shipping the jars
 * instead ({@code spark.jars}) would copy some 250 MB per worker machine on every run and needs jars, not the class
 * directories a build or a test runs from; that is what spark-submit is for.</li>
 * </ul>
 * Spark adds the {@code --add-opens} options Java 17 needs to the executors' JVM options itself.
 */
final class ExecutorSetup {
    static final String JARS = "spark.jars";
    static final String CLASS_PATH = "spark.executor.extraClassPath";
    static final String PLUGINS = "spark.plugins";

    private ExecutorSetup() {
    }

    /**
     * @param conf the run's configuration, its master set
     * @param backendRequest the run's {@code --backend}: auto, cpu or cuda
     * @return the configuration, with what the executors need
     */
    static SparkConf apply(SparkConf conf, String backendRequest) {
        String plugin = BackendPlugin.class.getName();
        String plugins = conf.get(PLUGINS, "");
        if (Arrays.stream(plugins.split(",")).map(String::trim).noneMatch(plugin::equals)) {
            conf.set(PLUGINS, Stream.of(plugins, plugin).filter(s -> !s.isBlank()).collect(Collectors.joining(",")));
        }
        conf.setIfMissing(BackendPlugin.REQUEST, backendRequest);
        if (!inDriverJvm(conf.get("spark.master")) && !conf.contains(JARS) && !conf.contains(CLASS_PATH)) {
            conf.set(CLASS_PATH, System.getProperty("java.class.path"));
        }
        return conf;
    }

    /**
     * @param master a master URL
     * @return whether its executor is the driver's JVM (Spark's local mode: {@code local}, {@code local[...]})
     */
    static boolean inDriverJvm(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
