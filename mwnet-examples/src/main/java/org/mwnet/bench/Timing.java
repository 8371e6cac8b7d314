package org.mwnet.bench;

import java.util.Arrays;

/** Times a piece of work: warm-up, then repetitions of a block of calls; reports the median and the spread. */
final class Timing {
    /**
     * The result of {@link #measure}.
     *
     * @param medianMs median over repetitions of the mean ms per call
     * @param minMs fastest repetition's mean
     * @param maxMs slowest repetition's mean
     */
    record Result(double medianMs, double minMs, double maxMs) {
    }

    private Timing() {
    }

    /**
     * @param work the call to time
     * @param warmup calls before timing (JIT, caches, allocator)
     * @param repeats timed repetitions
     * @param calls calls per repetition
     * @return median and spread of ms per call
     */
    static Result measure(Runnable work, int warmup, int repeats, int calls) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] means = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                work.run();
            }
            means[r] = (System.nanoTime() - t) / 1e6 / calls;
        }
        return summarise(means);
    }

    /**
     * @param means the mean ms per call of each repetition
     * @return their median and spread
     */
    static Result summarise(double[] means) {
        means = means.clone();
        int repeats = means.length;
        Arrays.sort(means);
        double median = repeats % 2 == 1 ? means[repeats / 2] : (means[repeats / 2 - 1] + means[repeats / 2]) / 2;
        return new Result(median, means[0], means[repeats - 1]);
    }
}
