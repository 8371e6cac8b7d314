package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Datasets;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.TrainTest;
import picocli.CommandLine.Option;

/** Options choosing a dataset and how it is split and corrupted, shared by {@code data} and {@code train}. */
final class DataOptions {
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-dir", description = "Directory holding the dataset's files, directly or in a sub-directory "
            + "named after the dataset; if it lacks one, mwnet stops and says which. Without it: $MWNET_DATA, "
            + "the Debian package's directory, the cache, then a download.")
    Path dataDir;

    @Option(names = "--noise", defaultValue = "none", converter = NoiseConverter.class,
            description = "Label noise: none, uniform, flip or pair (default: ${DEFAULT-VALUE}).")
    NoiseType noise;

    @Option(names = "--noise-rate", defaultValue = "0", description = "Noise rate p in [0, 1] (default: ${DEFAULT-VALUE}).")
    double noiseRate;

    @Option(names = "--imbalance", defaultValue = "1",
            description = "Long-tail factor r >= 1; 1 keeps classes balanced (default: ${DEFAULT-VALUE}).")
    double imbalance;

    @Option(names = "--meta-size", defaultValue = "1000",
            description = "Clean, class-balanced meta set size, a multiple of the class count (default: ${DEFAULT-VALUE}).")
    int metaSize;

    @Option(names = "--validation-size", defaultValue = "0",
            description = "Clean validation split for model selection; 0 selects on the meta set (default: ${DEFAULT-VALUE}).")
    int validationSize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of splits, noise, batches and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    /** @return the split configuration these options describe (validated) */
    SplitConfig splitConfig() {
        if (noise != NoiseType.NONE && noiseRate == 0) {
            throw new IllegalArgumentException("--noise " + noise.cliName() + " needs --noise-rate in (0, 1]");
        }
        return new SplitConfig(metaSize, validationSize, imbalance, noise, noiseRate, seed);
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
