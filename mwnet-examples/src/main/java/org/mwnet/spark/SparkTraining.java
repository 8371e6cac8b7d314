package org.mwnet.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.mwnet.data.Dataset;
import org.mwnet.data.Splits;
import org.mwnet.train.Method;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.train.MethodFactory;
import org.mwnet.train.Methods;
import org.mwnet.train.TrainConfig;

/**
 * A training run's Spark side: the context, the P shards of the training set and the meta set broadcast to the
 * executors, and the workers' data cached there as an RDD of P partitions.
 * Its {@link #methods} give a {@link org.mwnet.train.Trainer} the iteration of {@link Methods#synchronous} computed
 * by the workers, so everything else (epochs, evaluation, checkpoints, resume) is the trainer's, on the driver.
 * Closing it drops the cached shards and stops the context it started.
 */
public final class SparkTraining implements AutoCloseable {
    static final String LOCAL_DIR = "spark.local.dir";
    static final String CODEC = "spark.io.compression.codec";
    /** Spark's YARN cluster manager, which spark-submit puts on the class path from a Spark installation. */
    private static final String YARN_MANAGER = "org.apache.spark.deploy.yarn.YarnClusterManager";
    private final JavaSparkContext context;
    private final boolean ownsContext;
    private final List<Broadcast<Dataset>> data;
    private final JavaRDD<Shard> shards;
    private final SparkParts parts;
    /** The workers' parameter averaging, or null for gradient averaging. */
    private final SparkAveraging averaging;
    /** The driver's scratch space, when this run started the context. */
    private SparkScratch scratch;

    private SparkTraining(JavaSparkContext context, boolean ownsContext, List<Broadcast<Dataset>> data,
                          JavaRDD<Shard> shards, SparkParts parts, SparkAveraging averaging) {
        this.context = context;
        this.ownsContext = ownsContext;
        this.data = data;
        this.shards = shards;
        this.parts = parts;
        this.averaging = averaging;
    }

    /**
     * Starts Spark and caches the shards on the executors.
     *
     * @param master the Spark master URL (local[N], local[N,F], spark://host:port, yarn, ...)
     * @param executors the run's backend request and thread count, which each executor of its own applies
     *     ({@link BackendPlugin})
     * @param config the run's configuration; its micro-batches per iteration are the workers P
     * @param splits the run's splits (training and meta set)
     * @return the running Spark side
     * @throws IllegalArgumentException when the method is not one of {@link Method#independentMicroBatches} or Spark does not start with
     *     that master (a {@code spark://} master that does not listen: {@link StandaloneMasters})
     */
    public static SparkTraining start(String master, ExecutorRequest executors, TrainConfig config,
                                      Splits splits) {
        return start(master, executors, config, splits, SparkScratch.defaultRoot());
    }

    /**
     * As {@link #start(String, ExecutorRequest, TrainConfig, Splits)}, with the driver's scratch space under a given
     * root ({@link SparkScratch}).
     */
    static SparkTraining start(String master, ExecutorRequest executors, TrainConfig config, Splits splits,
                               Path scratchRoot) {
        requireMethod(config);
        requireYarnSupport(master);
        StandaloneMasters.requireListening(master);
        SparkScratch scratch = SparkScratch.create(scratchRoot);
        SparkConf conf = ExecutorSetup.apply(new SparkConf().setMaster(master).setAppName("mwnet train "
                + config.method()).set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"),
                executors);
        // Spark's spark-<uuid> and blockmgr-<uuid> folders in a scratch folder that the next run removes when this
        // one is killed; and a codec in pure Java, since lz4's native library is unpacked into /tmp, where a killed
        // JVM leaves it
        conf.setIfMissing(LOCAL_DIR, scratch.dir().toString());
        conf.setIfMissing(CODEC, "lzf");
        JavaSparkContext context;
        try {
            context = SparkStartLog.quietly(() -> new JavaSparkContext(conf));
        } catch (Exception e) {
            scratch.close();
            // Scala throws the checked SparkException ("Could not parse Master URL") undeclared
            throw new IllegalArgumentException("Spark did not start: " + firstLine(e), e);
        }
        SparkTraining run = on(context, true, config, splits);
        run.scratch = scratch;
        return run;
    }

    /**
     * Refuses {@code yarn} outside spark-submit: the YARN cluster manager is not in the build, and spark-submit adds
     * it from the Spark installation.
     */
    private static void requireYarnSupport(String master) {
        if (master.equals("yarn") && !onClassPath(YARN_MANAGER)) {
            throw new IllegalArgumentException("YARN is reached through spark-submit, which adds Spark's YARN support: "
                    + "spark-submit --master yarn --class org.mwnet.cli.Main <mwnet-examples jar> train ... "
                    + "--spark-master yarn (mwnet-examples/docs/spark.md); ./mwnet itself starts local[N] and "
                    + "spark://host:port");
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, SparkTraining.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Caches the shards with a running context (tests share one across runs).
     *
     * @param context the context
     * @param ownsContext whether {@link #close} stops it
     * @param config the run's configuration; its micro-batches per iteration are the workers P
     * @param splits the run's splits (training and meta set)
     * @return the run's Spark side
     */
    static SparkTraining on(JavaSparkContext context, boolean ownsContext, TrainConfig config, Splits splits) {
        requireMethod(config);
        int workers = config.accumulate();
        // Each shard travels as its own broadcast, fetched only by the executor whose task reads it, and is cached
        // there; the meta set travels once per executor. A parallelized collection of shards would instead put the
        // data into every task (its partition), iteration after iteration.
        Dataset train = splits.train();
        List<Broadcast<Dataset>> trainShards = IntStream.range(0, workers)
                .mapToObj(p -> context.broadcast(Shard.cut(train, p, workers))).toList();
        Broadcast<Dataset> meta = context.broadcast(splits.meta());
        // a class-aware V's families come from the whole training set's labels, not from a worker's shard
        ClassFamilies families = config.weightNet(train).families();
        JavaRDD<Shard> shards = context.parallelize(IntStream.range(0, workers).boxed().toList(), workers)
                .map(p -> new Shard(p, workers, trainShards.get(p).value(), meta.value(), families))
                .persist(StorageLevel.MEMORY_ONLY());
        String run = UUID.randomUUID().toString();
        SparkParts parts = new SparkParts(shards, run, config, config.takesMetaSteps());
        SparkAveraging averaging = config.syncEvery() > 0 ? new SparkAveraging(context, shards, run, config) : null;
        List<Broadcast<Dataset>> data = new ArrayList<>(trainShards);
        data.add(meta);
        return new SparkTraining(context, ownsContext, data, shards, parts, averaging);
    }

    private static void requireMethod(TrainConfig config) {
        if (!config.method().independentMicroBatches()) {
            throw new IllegalArgumentException("method " + config.method() + " does not run on Spark workers; "
                    + "expected one of " + Method.names(Method::independentMicroBatches));
        }
        if (config.warmupEpochs() > 0) {
            throw new IllegalArgumentException("warm-up epochs do not run on Spark workers, which build the method's "
                    + "graphs alone; train them in one process (--accumulate gives the same micro-batches)");
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /**
     * @return the factory of the workers' method, for {@link org.mwnet.train.Trainer#withMethods}: gradient
     *     averaging, or parameter averaging ({@link SparkAveraging}) with {@link TrainConfig#syncEvery}
     */
    public MethodFactory methods() {
        return (config, net, vnet, dataType) -> averaging != null ? averaging : Methods.synchronous(config, parts);
    }

    /**
     * A test hook: makes the first attempt of each of one worker's tasks in one iteration fail.
     *
     * @param iteration the iteration
     * @param worker the worker p
     */
    void failOnce(long iteration, int worker) {
        InjectedFailure f = new InjectedFailure(iteration, worker);
        parts.inject(f);
        if (averaging != null) {
            averaging.inject(f);
        }
    }

    /**
     * Drops the cached shards and the broadcast sets, and stops the context when this run started it (nothing of this
     * when the context is stopped already: an executor's backend failure stops it, {@link BackendReports}); then
     * removes the driver's scratch folder of a run that started its context.
     */
    @Override
    public void close() {
        try {
            if (!context.sc().isStopped()) {
                shards.unpersist(false);
                data.forEach(b -> b.destroy(false));
                if (ownsContext) {
                    context.stop();
                }
            }
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
