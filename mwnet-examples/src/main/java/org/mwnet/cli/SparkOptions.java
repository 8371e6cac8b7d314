package org.mwnet.cli;

import org.mwnet.data.Splits;
import org.mwnet.spark.ExecutorRequest;
import org.mwnet.spark.SparkTraining;
import org.mwnet.train.Method;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * {@code --spark-master} and {@code --workers}: a training run whose micro-batches are computed by P Spark workers.
 * Such a run is the run of {@code --accumulate P} (same configuration, same checkpoints, same numbers), so these
 * flags set the micro-batches. Spark is not on the default class path: the launcher adds it for {@code --spark-master}
 * only, and {@link #check} says so in one line when it is missing.
 */
final class SparkOptions {
    /** A class every Spark has, to tell whether Spark is on the class path. */
    static final String SPARK_CLASS = "org.apache.spark.SparkContext";

    @Option(names = "--spark-master", paramLabel = "URL", description = "Train on Apache Spark: local[N] (N threads "
            + "in this JVM), local[N,F] (F attempts per task), spark://host:port, or yarn (under spark-submit). This "
            + "process is the driver: it averages the workers' gradients, steps the optimisers and checkpoints.")
    String master;

    @Option(names = "--workers", paramLabel = "P", description = "Spark workers, with --spark-master: each holds one "
            + "of P shards of the training set and a copy of the meta set and computes one of the P micro-batches of "
            + "each iteration; the run computes what --accumulate P computes in one process (default: 1).")
    Integer workers;

    /** @return whether the run trains on Spark */
    boolean given() {
        return master != null;
    }

    /**
     * Checks the flags, and that Spark can be loaded, before any data is read; sets {@code --accumulate} to P (so the
     * batch sizes are checked against the workers by {@link TrainOptions#config}, which names {@code --workers}).
     *
     * @param train the run's training options
     */
    void check(TrainOptions train) {
        check(train, SPARK_CLASS);
    }

    /**
     * @param train the run's training options
     * @param sparkClass the class that shows Spark is on the class path (a test names a missing one)
     */
    void check(TrainOptions train, String sparkClass) {
        if (master == null) {
            if (workers != null) {
                throw new IllegalArgumentException("--workers " + workers + " needs --spark-master (in one process, "
                        + "--accumulate " + workers + " computes the same)");
            }
            return;
        }
        if (master.isBlank()) {
            throw new IllegalArgumentException("--spark-master is empty: expected a Spark master URL such as "
                    + "local[2] or spark://host:7077");
        }
        try {
            Class.forName(sparkClass, false, SparkOptions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--spark-master needs Apache Spark on the class path, and it is not "
                    + "there: start mwnet with its launcher (./mwnet, which adds mwnet-examples/target/spark-lib after "
                    + "a build) or through spark-submit");
        }
        int p = workers == null ? 1 : workers;
        TrainChecks.atLeastOne("--workers", p);
        if (train.accumulate != 1 && train.accumulate != p) {
            throw new IllegalArgumentException("--accumulate " + train.accumulate + " and --workers " + p + ": on "
                    + "Spark each worker computes one micro-batch; give --workers alone");
        }
        if (!train.method.independentMicroBatches()) {
            throw new IllegalArgumentException("--method " + train.method + " does not run on Spark workers (its "
                    + "micro-batches depend on each other or on the meta set's shards); expected one of "
                    + Method.names(Method::independentMicroBatches));
        }
        train.accumulate = p;
        train.accumulateFlag = "--workers";
    }

    /**
     * Starts Spark for a checked run.
     *
     * @param executors the run's --backend and --threads, which executors of their own apply too
     * @param config the run's configuration
     * @param splits the run's splits
     * @return the running Spark side
     */
    SparkTraining start(ExecutorRequest executors, TrainConfig config, Splits splits) {
        try {
            return SparkTraining.start(master, executors, config, splits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--spark-master " + master + ": " + e.getMessage(), e);
        }
    }
}
