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

    /**
     * @param test a test set
     * @return the CRC32 of its images and labels, as {@link #testCrc32} records it
     */
    public static long testCrc32(Dataset test) {
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
        return equals(saved) ? null : testDifference(saved.testSize, saved.testCrc32, testSize, testCrc32);
    }

    /**
     * @param savedSize the test-set size a checkpoint recorded
     * @param savedCrc32 its recorded checksum
     * @param size this test set's size
     * @param crc32 its checksum
     * @return how the test sets differ, or (for the same sizes and checksums) "different contents"
     */
    static String testDifference(int savedSize, long savedCrc32, int size, long crc32) {
        return savedSize != size ? savedSize + " test images there, " + size + " here" : "different contents";
    }
}
