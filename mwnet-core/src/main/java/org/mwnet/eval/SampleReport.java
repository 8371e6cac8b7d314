package org.mwnet.eval;

/**
 * One training sample as the trained model (and, for MW-Net, V) sees it: one row of {@code weights.csv}.
 *
 * @param id the sample's name: its row number in the training split, or (for data read from files) its path
 * @param observedLabel the label the learner was given
 * @param loss cross-entropy of the final classifier with respect to the observed label
 * @param weight V's weight for that loss, in (0, 1); null for a method without V (ce, focal, finetune, l2rw)
 * @param predictedLabel the classifier's arg-max class, the suggested label
 * @param predictedProbability the probability of the predicted class
 * @param observedProbability the probability of the observed label
 * @param cleanLabel the true label, or null when unknown
 * @param corrupted whether the observed label differs from the true one, or null when unknown
 * @param sampleCrc32 the CRC32 of the sample's values as the run trained on them: after reading (uint8 divided by
 *     255, images resized and converted to the run's channels) and after the run's normalisation, each float fed as
 *     its big-endian bits ({@link org.mwnet.data.Dataset#sampleChecksum}); tells whether a file still holds the
 *     sample the run read
 */
public record SampleReport(String id, int observedLabel, double loss, Double weight, int predictedLabel,
                           double predictedProbability, double observedProbability, Integer cleanLabel,
                           Boolean corrupted, long sampleCrc32) {
    /** @return whether V weighted this sample (the run learned V) */
    public boolean weighted() {
        return weight != null;
    }

    /** @return whether the true label is known */
    public boolean cleanKnown() {
        return cleanLabel != null;
    }
}
