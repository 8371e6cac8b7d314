package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Datasets;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.TrainTest;
import picocli.CommandLine.Option;

/**
 * Options choosing a dataset and how it is split and corrupted, shared by {@code data} and {@code train}. The split
 * defaults are {@link SplitConfig#defaults()}'s (the fields' initial values, which picocli shows as the default).
 */
final class DataOptions {
    private static final SplitConfig DEFAULTS = SplitConfig.defaults();

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-dir", description = "Directory holding the dataset's files, directly or in a sub-directory "
            + "named after the dataset; if it lacks one, mwnet stops and says which. Without it: $MWNET_DATA, "
            + "the Debian package's directory, the cache, then a download.")
    Path dataDir;

    @Option(names = "--noise", converter = NoiseConverter.class,
            description = "Label noise: none (the default), uniform, flip or pair.")
    NoiseType noise = DEFAULTS.noise();

    @Option(names = "--noise-rate", description = "Noise rate p in [0, 1] (default: ${DEFAULT-VALUE}).")
    double noiseRate = DEFAULTS.noiseRate();

    @Option(names = "--imbalance",
            description = "Long-tail factor r >= 1; 1 keeps classes balanced (default: ${DEFAULT-VALUE}).")
    double imbalance = DEFAULTS.imbalance();

    @Option(names = "--meta-size",
            description = "Clean, class-balanced meta set size, a multiple of the class count (default: ${DEFAULT-VALUE}).")
    int metaSize = DEFAULTS.metaSize();

    @Option(names = "--validation-size",
            description = "Clean validation split for model selection; 0 selects on the meta set (default: ${DEFAULT-VALUE}).")
    int validationSize = DEFAULTS.validationSize();

    @Option(names = "--seed", description = "Seed of splits, noise, batches and weights (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    /**
     * @return the split configuration these options describe
     * @throws IllegalArgumentException naming the flag of a value out of its range ({@link SplitConfig}'s rules)
     */
    SplitConfig splitConfig() {
        return Flags.naming(() -> new SplitConfig(metaSize, validationSize, imbalance, noise, noiseRate, seed));
    }

    /** @return the dataset's training and test parts */
    TrainTest load() throws IOException {
        if (dataDir != null && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("--data-dir " + dataDir + " is not a directory");
        }
        return Datasets.load(dataset, DataLocator.standard(dataDir));
    }

    /** Picocli converter for {@link NoiseType}. */
    static final class NoiseConverter implements picocli.CommandLine.ITypeConverter<NoiseType> {
        @Override
        public NoiseType convert(String value) {
            try {
                return NoiseType.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
