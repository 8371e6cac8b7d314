package org.mwnet.data;

import java.util.SplittableRandom;

/**
 * Seeded mini-batch orders. Each epoch is a fresh permutation (depending only on the seed and the epoch number)
 * cut into full batches; the few samples that do not fill a last batch wait for a later epoch's permutation.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * @param size number of samples
     * @param batchSize samples per batch, at most {@code size}
     * @return full batches per epoch
     */
    public static int perEpoch(int size, int batchSize) {
        requireFits(size, batchSize, "training");
        return size / batchSize;
    }

    /**
     * @param size number of samples
     * @param batchSize samples per batch
     * @param seed the run's seed
     * @param epoch epoch number (0-based)
     * @return the epoch's batches of sample indices
     */
    public static int[][] epoch(int size, int batchSize, long seed, int epoch) {
        int[] order = identity(size);
        Seeds.shuffle(order, Seeds.stream(seed, "epoch-" + epoch));
        int[][] batches = new int[perEpoch(size, batchSize)][batchSize];
        for (int b = 0; b < batches.length; b++) {
            System.arraycopy(order, b * batchSize, batches[b], 0, batchSize);
        }
        return batches;
    }

    /**
     * An endless stream of meta batches: a seeded permutation of the meta set, consumed batch by batch and redrawn
     * when fewer than a batch remain. Its position is part of a checkpoint.
     */
    public static final class Cycle {
        private final int size;
        private final int batchSize;
        private final long seed;
        private long pass;
        private int cursor;
        private int[] order;

        /**
         * @param size meta set size
         * @param batchSize samples per meta batch, at most {@code size}
         * @param seed the run's seed
         */
        public Cycle(int size, int batchSize, long seed) {
            requireFits(size, batchSize, "meta");
            this.size = size;
            this.batchSize = batchSize;
            this.seed = seed;
            restore(0, 0);
        }

        /** @return the next meta batch's indices */
        public int[] next() {
            if (cursor + batchSize > size) {
                restore(pass + 1, 0);
            }
            int[] batch = new int[batchSize];
            System.arraycopy(order, cursor, batch, 0, batchSize);
            cursor += batchSize;
            return batch;
        }

        /** @return how many permutations were started before the current one */
        public long pass() {
            return pass;
        }

        /** @return position within the current permutation */
        public int cursor() {
            return cursor;
        }

        /**
         * Moves the stream to a saved position.
         *
         * @param atPass permutation number
         * @param atCursor position within it
         */
        public void restore(long atPass, int atCursor) {
            pass = atPass;
            cursor = atCursor;
            order = identity(size);
            SplittableRandom rng = Seeds.stream(seed, "meta-pass-" + atPass);
            Seeds.shuffle(order, rng);
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void requireFits(int size, int batchSize, String what) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException(what + " batch size " + batchSize + " must be between 1 and the "
                    + what + " set's size " + size);
        }
    }
}
