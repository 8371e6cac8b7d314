package org.mwnet.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.Downloader;
import org.mwnet.data.IdxFiles;
import org.mwnet.data.IdxSource;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.TrainTest;

/** A small slice of the real Fashion-MNIST (Debian package), shared by the training tests. */
final class FashionSlice {
    private static TrainTest full;

    final Splits splits;
    final Dataset test;
    final DatasetSummary summary;

    private FashionSlice(Splits splits, Dataset test, DatasetSummary summary) {
        this.splits = splits;
        this.test = test;
        this.summary = summary;
    }

    /**
     * @param poolSize training images taken from the official training part
     * @param testSize test images taken
     * @param config splits and noise
     * @return the slice
     */
    static FashionSlice of(int poolSize, int testSize, SplitConfig config) throws IOException {
        return of(0, poolSize, testSize, config);
    }

    /**
     * @param first index of the first training and test image taken (another slice of the same sizes)
     * @param poolSize training images taken from the official training part
     * @param testSize test images taken
     * @param config splits and noise
     * @return the slice
     */
    static FashionSlice of(int first, int poolSize, int testSize, SplitConfig config) throws IOException {
        synchronized (FashionSlice.class) {
            if (full == null) {
                DataLocator locator = new DataLocator(null, null, Path.of("/nonexistent"), new Downloader());
                full = IdxFiles.load(locator.locateIdx(IdxSource.FASHION_MNIST), IdxSource.FASHION_MNIST);
            }
        }
        Dataset pool = full.train().subset(IntStream.range(first, first + poolSize).toArray());
        Dataset test = full.test().subset(IntStream.range(first, first + testSize).toArray());
        Splits splits = Splits.make(pool, config);
        return new FashionSlice(splits, test, DatasetSummary.of(splits, test, config, full.input()));
    }
}
