package org.mwnet.data;

import java.util.List;
import java.util.stream.IntStream;

/** The samples of a NumPy array, converted a chunk at a time; see {@link SampleStreams}. */
final class NpyStream implements SampleStream {
    private final NpySamples samples;
    private int cursor;

    /** @param samples the array, already checked against the run's sample shape */
    NpyStream(NpySamples samples) {
        this.samples = samples;
    }

    @Override
    public Chunk next(int max) throws DataFormatException {
        if (cursor == samples.size()) {
            return null;
        }
        int to = (int) Math.min(samples.size(), (long) cursor + max);
        List<String> ids = IntStream.range(cursor, to).mapToObj(Integer::toString).toList();
        float[] values = samples.values(cursor, to);
        cursor = to;
        return new Chunk(ids, values);
    }

    @Override
    public List<String> skipped() {
        return List.of();
    }

    @Override
    public void close() {
        // the array is in memory
    }
}
