package org.mwnet.data;

/**
 * Seeded mini-batch orders. Each epoch is a fresh permutation (depending only on the seed and the epoch number)
 * cut into full batches; the few samples that do not fill a last batch wait for a later epoch's permutation. This is
 * the one-shard case of {@link Shards}.
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
        return new Shards(size, 1).iterationsPerEpoch(batchSize);
    }

    /**
     * @param size number of samples
     * @param batchSize samples per batch
     * @param seed the run's seed
     * @param epoch epoch number (0-based)
     * @return the epoch's batches of sample indices
     */
    public static int[][] epoch(int size, int batchSize, long seed, int epoch) {
        return new Shards(size, 1).epoch(0, batchSize, seed, epoch);
    }

    /**
     * An endless stream of meta batches: a seeded permutation of the meta set, consumed batch by batch and redrawn
     * when fewer than a batch remain. The k-th batch depends only on the seed, the stream and k ({@link #at}), so the
     * stream's position, part of a checkpoint, is just the number of batches drawn. A run with P micro-batches per
     * iteration draws from P such streams in step, micro-batch p's from stream p.
     */
    public static final class Cycle {
        private final int size;
        private final int batchSize;
        private final long seed;
        private final int stream;
        private final int streams;
        private final int perPass;
        private long drawn;
        private long orderPass = -1;
        private int[] order;

        /**
         * The single stream of a run without micro-batches.
         *
         * @param size meta set size
         * @param batchSize samples per meta batch, at most {@code size}
         * @param seed the run's seed
         */
        public Cycle(int size, int batchSize, long seed) {
            this(size, batchSize, seed, 0, 1);
        }

        /**
         * @param size meta set size
         * @param batchSize samples per meta batch, at most {@code size}
         * @param seed the run's seed
         * @param stream which of the streams this is, from 0 (the micro-batch it serves)
         * @param streams how many streams the run draws from in step (its micro-batches per iteration)
         */
        public Cycle(int size, int batchSize, long seed, int stream, int streams) {
            requireFits(size, batchSize, "meta");
            this.size = size;
            this.batchSize = batchSize;
            this.seed = seed;
            this.stream = stream;
            this.streams = streams;
            this.perPass = size / batchSize;
        }

        /** @return the next meta batch's indices */
        public int[] next() {
            return at(drawn++);
        }

        /**
         * The stream's k-th batch, whatever was drawn before: batch {@code k mod (size / batchSize)} of permutation
         * {@code k / (size / batchSize)}, which is drawn from a random stream named by the permutation's number and
         * (for several streams) the stream's.
         *
         * @param draw k, from 0
         * @return its indices
         */
        public int[] at(long draw) {
            long pass = draw / perPass;
            if (pass != orderPass) {
                order = identity(size);
                Seeds.shuffle(order, Seeds.stream(seed, Seeds.part("meta-pass-" + pass, stream, streams)));
                orderPass = pass;
            }
            int[] batch = new int[batchSize];
            System.arraycopy(order, (int) (draw % perPass) * batchSize, batch, 0, batchSize);
            return batch;
        }

        /**
         * @return the number of the permutation the last batch came from (0 before any): a permutation is started
         *     only when a batch is drawn from it
         */
        public long pass() {
            return drawn == 0 ? 0 : (drawn - 1) / perPass;
        }

        /** @return the position within {@link #pass()} after the last batch */
        public int cursor() {
            return drawn == 0 ? 0 : (int) ((drawn - 1) % perPass + 1) * batchSize;
        }

        /**
         * Moves the stream to a saved position.
         *
         * @param atPass permutation number, as {@link #pass()} gave it
         * @param atCursor position within it, as {@link #cursor()} gave it
         */
        public void restore(long atPass, int atCursor) {
            drawn = atPass * perPass + atCursor / batchSize;
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static void requireFits(int size, int batchSize, String what) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException(what + " batch size " + batchSize + " must be between 1 and the "
                    + what + " set's size " + size);
        }
    }
}
