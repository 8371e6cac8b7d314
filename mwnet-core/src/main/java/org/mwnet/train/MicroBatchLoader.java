package org.mwnet.train;

import java.util.List;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.Shards;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Loads an iteration's P micro-batches as graph inputs, micro-batch p from shard p of a dataset ({@link Shards}),
 * each into its own arrays allocated once: each {@link #load} overwrites the previous iteration's. The shards' orders
 * are computed once per epoch.
 */
final class MicroBatchLoader {
    private final Shards shards;
    private final int microBatch;
    private final long seed;
    private final List<BatchLoader> loaders;
    private int epoch = -1;
    private int[][][] orders;

    /**
     * @param data the dataset
     * @param parts micro-batches per iteration P, the number of shards
     * @param microBatch samples per micro-batch
     * @param seed the run's seed
     * @param dataType FLOAT or DOUBLE
     */
    MicroBatchLoader(Dataset data, int parts, int microBatch, long seed, DataType dataType) {
        this.shards = new Shards(data.size(), parts);
        this.microBatch = microBatch;
        this.seed = seed;
        this.loaders = IntStream.range(0, parts).mapToObj(p -> new BatchLoader(data, microBatch, dataType)).toList();
    }

    /**
     * @return iterations per epoch
     * @throws IllegalArgumentException when a micro-batch does not fit in the smallest shard
     */
    int iterationsPerEpoch() {
        return shards.iterationsPerEpoch(microBatch);
    }

    /**
     * @param atEpoch the epoch (0-based)
     * @param iteration the iteration within it
     * @return its micro-batches, in shard order (their arrays are reused by the next call)
     */
    List<Batch> load(int atEpoch, int iteration) {
        if (atEpoch != epoch) {
            orders = IntStream.range(0, shards.count()).mapToObj(p -> shards.epoch(p, microBatch, seed, atEpoch))
                    .toArray(int[][][]::new);
            epoch = atEpoch;
        }
        return IntStream.range(0, shards.count()).mapToObj(p -> loaders.get(p).load(orders[p][iteration])).toList();
    }
}
