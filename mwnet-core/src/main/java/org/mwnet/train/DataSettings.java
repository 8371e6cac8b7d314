package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.InputSettings;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;

/**
 * The data settings a checkpoint records, so that a resumed run trains on the very same splits and an evaluation
 * reads the dataset the classifier was trained on.
 *
 * @param dataset dataset name (fashion-mnist, mnist, cifar10, cifar100), or
 *     {@value org.mwnet.data.GivenSplits#DATASET} for a run on given sets (the user's files), whose {@code input}
 *     tells their format
 * @param noise label-noise model
 * @param noiseRate p
 * @param imbalance long-tail factor r
 * @param metaSize meta-set size
 * @param validationSize validation-split size
 * @param seed the seed of the splits and the noise
 * @param input the input's format, class names, shape and normalisation (what {@code predict} needs)
 */
public record DataSettings(
        String dataset,
        String noise,
        @JsonProperty("noise_rate") double noiseRate,
        double imbalance,
        @JsonProperty("meta_size") int metaSize,
        @JsonProperty("validation_size") int validationSize,
        long seed,
        InputSettings input) {

    /**
     * @param summary a run's data summary
     * @return the settings that drew its splits
     */
    public static DataSettings of(DatasetSummary summary) {
        return new DataSettings(summary.dataset(), summary.noise(), summary.noiseRate(), summary.imbalance(),
                summary.metaSize(), summary.validationSize(), summary.seed(), summary.input());
    }

    /**
     * @return the split configuration these settings record; on a built-in dataset, {@code Splits.make} with it
     *     redraws the run's very splits and noise
     */
    public SplitConfig splitConfig() {
        return new SplitConfig(metaSize, validationSize, imbalance, NoiseType.parse(noise), noiseRate, seed);
    }
}
