package org.mwnet.data;

/**
 * A training set cut into P fixed shards, and each epoch's micro-batches drawn from them: the data layout of
 * data-parallel training, where worker p holds shard p, and of its single-process form, gradient accumulation over P
 * micro-batches.
 * <ul>
 * <li>Sample i belongs to shard {@code i mod P}. Membership follows from the index alone (a worker needs no table),
 * shard sizes differ by at most one, and each shard takes every P-th sample of the whole set, so data stored class by
 * class (as image folders are read) gives every shard every class rather than a few classes each.</li>
 * <li>In each epoch, shard p's members are permuted by a stream derived from the seed, the epoch and (p, P) alone
 * ({@link Seeds#part}), and micro-batch p of the epoch's iteration j is positions {@code [j b, (j + 1) b)} of that
 * order. Nothing depends on what was drawn before, so a worker, or a task that is retried after a failure, computes
 * the same micro-batch from (seed, epoch, j, p, P).</li>
 * <li>An epoch has {@code floor(smallest shard / b)} iterations, so every shard fills every iteration; the samples
 * left over in a shard wait for a later epoch's order.</li>
 * <li>With one shard this is {@link Batches#epoch}: the whole set, permuted by the stream runs have always used.</li>
 * </ul>
 */
public final class Shards {
    private final int size;
    private final int count;

    /**
     * @param size number of samples in the set
     * @param count number of shards P, at least 1
     */
    public Shards(int size, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of shards must be at least 1, got " + count);
        }
        this.size = size;
        this.count = count;
    }

    /** @return the number of shards P */
    public int count() {
        return count;
    }

    /** @return the number of samples in the smallest shard, {@code floor(size / P)} */
    public int smallest() {
        return size / count;
    }

    /**
     * @param microBatch samples per micro-batch b, at most {@link #smallest()}
     * @return iterations per epoch, {@code floor(smallest / b)}
     * @throws IllegalArgumentException when b does not fit the smallest shard
     */
    public int iterationsPerEpoch(int microBatch) {
        if (count == 1) {
            Batches.requireFits(size, microBatch, "training");
        } else if (microBatch < 1 || microBatch > smallest()) {
            throw new IllegalArgumentException("training micro-batch size " + microBatch + " must be between 1 and "
                    + "the smallest training shard's size " + smallest() + " (" + size + " samples in " + count
                    + " shards)");
        }
        return smallest() / microBatch;
    }

    /**
     * The micro-batches of one shard in one epoch.
     *
     * @param shard the shard p, from 0
     * @param microBatch samples per micro-batch b
     * @param seed the run's seed
     * @param epoch the epoch (0-based)
     * @return for each of the epoch's iterations, the indices (into the whole set) of micro-batch p
     */
    public int[][] epoch(int shard, int microBatch, long seed, int epoch) {
        int iterations = iterationsPerEpoch(microBatch);
        if (shard < 0 || shard >= count) {
            throw new IllegalArgumentException("shard " + shard + " is not one of the " + count + " shards");
        }
        int[] order = new int[(size - shard + count - 1) / count];
        for (int k = 0; k < order.length; k++) {
            order[k] = shard + k * count;
        }
        Seeds.shuffle(order, Seeds.stream(seed, Seeds.part("epoch-" + epoch, shard, count)));
        int[][] batches = new int[iterations][microBatch];
        for (int j = 0; j < iterations; j++) {
            System.arraycopy(order, j * microBatch, batches[j], 0, microBatch);
        }
        return batches;
    }
}
