/**
 * Synchronous data-parallel training on Apache Spark: P workers (the partitions of one cached RDD), each holding one
 * shard of the training set and a copy of the meta set, compute the micro-batch results of
 * {@link org.mwnet.train.Methods#synchronous}; the driver averages them in partition order and takes the optimiser
 * steps, so a run on P workers computes what {@code --accumulate P} computes in one process. With
 * {@code --sync-every K} the workers instead keep replicas of the state on their executors, and the driver averages
 * them every K iterations and at every epoch's end ({@code SparkAveraging}), as
 * {@link org.mwnet.train.ParameterAveraging} does in one process. Executors in JVMs of their own choose their ND4J
 * backend when they start ({@link org.mwnet.spark.BackendPlugin}) and get what else they need from the driver's
 * configuration ({@code ExecutorSetup}). Spark is a provided dependency: only this package
 * names it, and the launcher puts it on the class path only for a Spark run. May import the core packages and
 * {@code backend}; nothing of {@code cli}.
 */
package org.mwnet.spark;
