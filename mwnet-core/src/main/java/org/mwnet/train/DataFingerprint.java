package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.zip.CRC32;
import org.mwnet.data.Dataset;
import org.mwnet.data.Splits;

/**
 * Which copy of the data a run used, beside the {@link DataSettings} that drew it: the splits' sizes and CRC32
 * checksums of their images and observed labels. Two copies of a dataset's files (a subset, another dataset under the
 * same names) give the same settings but another fingerprint. Computing it reads every image once: 70-90 ms for the
 * 70,000 images of Fashion-MNIST on one core.
 *
 * @param trainSize training-split size
 * @param metaSize meta-set size
 * @param validationSize validation-split size
 * @param testSize test-set size
 * @param splitsCrc32 CRC32 of the training, meta and validation splits' images and observed labels, in that order
 * @param testCrc32 CRC32 of the test set's images and labels
 */
public record DataFingerprint(
        @JsonProperty("train_size") int trainSize,
        @JsonProperty("meta_size") int metaSize,
        @JsonProperty("validation_size") int validationSize,
        @JsonProperty("test_size") int testSize,
        @JsonProperty("splits_crc32") long splitsCrc32,
        @JsonProperty("test_crc32") long testCrc32) {

    /**
     * @param splits a run's splits
     * @param test its test set
     * @return their fingerprint
     */
    public static DataFingerprint of(Splits splits, Dataset test) {
        CRC32 crc = new CRC32();
        splits.train().updateChecksum(crc);
        splits.meta().updateChecksum(crc);
        splits.validation().updateChecksum(crc);
        return new DataFingerprint(splits.train().size(), splits.meta().size(), splits.validation().size(),
                test.size(), crc.getValue(), testCrc32(test));
    }

    /** @return the CRC32 of a test set's images and labels, as {@link #testCrc32} records it */
    private static long testCrc32(Dataset test) {
        CRC32 crc = new CRC32();
        test.updateChecksum(crc);
        return crc.getValue();
    }

    /**
     * @param saved the fingerprint a checkpoint recorded
     * @return how this run's data differs from it ("N training samples there, M here", "N test images there, M
     *     here" or "different contents"), or null when it is the same
     */
    String difference(DataFingerprint saved) {
        if (saved.trainSize != trainSize) {
            return saved.trainSize + " training samples there, " + trainSize + " here";
        }
        if (saved.testSize != testSize || saved.testCrc32 != testCrc32) {
            return saved.testDifference(testSize, testCrc32);
        }
        return equals(saved) ? null : "different contents";
    }

    /**
     * @param test a test set
     * @return how it differs from the one this fingerprint recorded ("N test images there, M here" or "different
     *     contents"), or null when it is the same
     */
    String testDifference(Dataset test) {
        return testDifference(test.size(), testCrc32(test));
    }

    private String testDifference(int size, long crc32) {
        if (size != testSize) {
            return testSize + " test images there, " + size + " here";
        }
        return crc32 == testCrc32 ? null : "different contents";
    }
}
