package org.mwnet.data;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * New samples without labels, read a chunk at a time (so a large input never needs to be in memory at once) and
 * prepared the way a run read its own input ({@link InputSettings}); open one with {@link SampleStreams#open}.
 * Values are in their natural scale (images and uint8 arrays in [0, 1], CSV and float arrays as stored): the run's
 * normalisation is left to the caller.
 */
public interface SampleStream extends Closeable {
    /**
     * @param max the most samples to return, at least 1
     * @return the next samples (at least one), or null when every sample has been read
     * @throws DataFormatException naming the file, row or column of an input that cannot be read as the run's
     *     input was, or the input when it holds no sample at all
     * @throws IOException when a file cannot be read
     */
    Chunk next(int max) throws IOException;

    /** @return the ids of the inputs skipped so far because they could not be read (images only, when asked) */
    List<String> skipped();

    /**
     * @return the ids of the files of an image folder left out because they are not images, by the rule
     *     {@link ImageFolders} states (none for other formats)
     */
    default List<String> notImages() {
        return List.of();
    }

    /**
     * Some consecutive samples.
     *
     * @param ids one id per sample: a path relative to the folder read, a CSV data-row number from 1, or an
     *     array index from 0
     * @param values the samples' values, one after the other, each in the run's sample shape (C, H, W order)
     */
    record Chunk(List<String> ids, float[] values) {
        /** Copies the ids. */
        public Chunk {
            ids = List.copyOf(ids);
        }

        /** @return the number of samples */
        public int size() {
            return ids.size();
        }
    }
}
