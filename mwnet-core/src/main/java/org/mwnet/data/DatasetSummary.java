package org.mwnet.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a run's data looks like, for {@code mwnet data --json} and every run's metrics.
 *
 * @param dataset dataset name (a built-in dataset's, or {@value GivenSplits#DATASET} for given sets)
 * @param trainSize training-set size (after imbalance)
 * @param metaSize meta-set size
 * @param validationSize validation-split size
 * @param testSize test-set size
 * @param numClasses K
 * @param noise noise model name
 * @param noiseRate p
 * @param imbalance long-tail factor r
 * @param seed the seed
 * @param noisyFraction fraction of training labels that are wrong
 * @param perClassCounts training samples per observed label
 * @param metaPerClassCounts meta samples per class
 * @param metaTrainOverlap meta samples also in the training set (always 0)
 * @param input the input's format, class names, shape and normalisation
 */
@JsonPropertyOrder({"dataset", "train_size", "meta_size", "validation_size", "test_size", "num_classes", "noise",
    "noise_rate", "imbalance", "seed", "noisy_fraction", "per_class_counts", "meta_per_class_counts",
    "meta_train_overlap", "input"})
public record DatasetSummary(
        String dataset,
        @JsonProperty("train_size") int trainSize,
        @JsonProperty("meta_size") int metaSize,
        @JsonProperty("validation_size") int validationSize,
        @JsonProperty("test_size") int testSize,
        @JsonProperty("num_classes") int numClasses,
        String noise,
        @JsonProperty("noise_rate") double noiseRate,
        double imbalance,
        long seed,
        @JsonProperty("noisy_fraction") double noisyFraction,
        @JsonProperty("per_class_counts") int[] perClassCounts,
        @JsonProperty("meta_per_class_counts") int[] metaPerClassCounts,
        @JsonProperty("meta_train_overlap") int metaTrainOverlap,
        InputSettings input) {

    /**
     * @param splits the drawn splits
     * @param test the test set
     * @param config how they were drawn
     * @param input how the samples were read
     * @return their summary
     */
    public static DatasetSummary of(Splits splits, Dataset test, SplitConfig config, InputSettings input) {
        return new DatasetSummary(test.name(), splits.train().size(), splits.meta().size(),
                splits.validation().size(), test.size(), test.numClasses(), config.noise().cliName(),
                config.noiseRate(), config.imbalance(), config.seed(), splits.train().noisyFraction(),
                splits.train().classCounts(), splits.meta().classCounts(), splits.metaTrainOverlap(), input);
    }

    /**
     * @param name another dataset name
     * @return this summary under that name
     */
    public DatasetSummary named(String name) {
        return new DatasetSummary(name, trainSize, metaSize, validationSize, testSize, numClasses, noise, noiseRate,
                imbalance, seed, noisyFraction, perClassCounts, metaPerClassCounts, metaTrainOverlap, input);
    }
}
