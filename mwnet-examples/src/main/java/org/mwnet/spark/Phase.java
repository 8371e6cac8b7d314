package org.mwnet.spark;

import java.io.Serializable;
import org.mwnet.nn.FlatArrays;
import org.mwnet.train.TrainConfig;

/**
 * One phase of one iteration as the driver sends it to every worker: the parameters, as flat buffers, and the
 * iteration's micro-batches (drawn on the driver from the streams of seed, epoch and shard, so a retried task gets the
 * same ones).
 *
 * @param run the run's identity, which keys the workers' graph caches
 * @param config the run's configuration
 * @param iteration the iteration's number
 * @param classifier the classifier's parameters and BatchNorm buffers
 * @param theta V's parameters, or null for a method without V
 * @param train for each worker p, its micro-batch's sample indices in the whole training set
 * @param meta for each worker p, its meta batch's indices in the meta update; null in the actual update
 * @param lr the classifier's learning rate
 * @param failure a test's injected failure, or null
 */
record Phase(String run, TrainConfig config, long iteration, FlatArrays classifier, FlatArrays theta, int[][] train,
             int[][] meta, double lr, InjectedFailure failure) implements Serializable {
}
