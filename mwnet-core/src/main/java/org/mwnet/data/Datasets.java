package org.mwnet.data;

import java.io.IOException;
import java.util.List;

/** Loads a dataset by its command-line name. */
public final class Datasets {
    /** The names {@link #load} accepts. */
    public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", "cifar100");

    private Datasets() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @param locator where to look for (and download) the files
     * @return training and test parts with clean labels
     * @throws IOException when the files are unavailable or malformed
     */
    public static TrainTest load(String name, DataLocator locator) throws IOException {
        return switch (name) {
            case "fashion-mnist" -> IdxFiles.load(locator.locateIdx(IdxSource.FASHION_MNIST), IdxSource.FASHION_MNIST);
            case "mnist" -> IdxFiles.load(locator.locateIdx(IdxSource.MNIST), IdxSource.MNIST);
            case "cifar10" -> Cifar.load(Cifar.Variant.CIFAR10, locator);
            case "cifar100" -> Cifar.load(Cifar.Variant.CIFAR100, locator);
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; expected one of " + NAMES);
        };
    }
}
