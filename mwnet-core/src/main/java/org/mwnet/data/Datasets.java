package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Loads a dataset by its command-line name, or reads a user's own files or Deeplearning4j iterator. */
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

    /**
     * Reads {@code root/<class name>/<image file>} folders; see {@link ImageFolders}.
     *
     * @param root the folder of class folders
     * @param options channels, size, and whether to skip unreadable images
     * @return the images (values in [0, 1]), the class names (sorted) and the relative paths as ids
     * @throws IOException naming the folder or file when the input is not as expected
     */
    public static LabelledData fromFolder(Path root, ImageOptions options) throws IOException {
        return ImageFolders.read(root, options);
    }

    /**
     * Reads a CSV table of numeric features and a label column; see {@link CsvTables}.
     *
     * @param file the CSV file, with a header row
     * @param options the label column and columns to leave out
     * @return samples of shape [1, 1, D] (for the MLP), the class names and the row numbers as ids
     * @throws IOException naming the file, row and column when the input is not as expected
     */
    public static LabelledData fromCsv(Path file, CsvOptions options) throws IOException {
        return CsvTables.read(file, options);
    }

    /**
     * Reads samples and labels from two {@code .npy} files; see {@link NpyFiles}.
     *
     * @param samples [N, C, H, W], [N, H, W] or [N, D], uint8 (divided by 255), float32 or float64
     * @param labels [N] integers from 0
     * @return the samples, the classes 0..max and the indices as ids
     * @throws IOException naming the file when the input is not as expected
     */
    public static LabelledData fromNpy(Path samples, Path labels) throws IOException {
        return NpyFiles.read(samples, labels);
    }

    /**
     * Reads a Deeplearning4j {@link DataSetIterator}, such as a DataVec pipeline; see {@link DataSetIterators}.
     *
     * @param iterator batches of [batch, D] or NCHW [batch, C, H, W] features and one-hot [batch, K] labels; reset
     *     first when it supports it, and read to its end
     * @param name the dataset's name, used in messages
     * @return the samples, the iterator's class names (or "0" to "K-1") and the positions as ids
     * @throws IllegalArgumentException naming the iterator, batch and sample when the batches are not as expected
     */
    public static LabelledData fromIterator(DataSetIterator iterator, String name) {
        return DataSetIterators.read(iterator, name);
    }

    /**
     * Reads samples and labels from one {@code .npz} archive; see {@link NpyFiles#readNpz}.
     *
     * @param archive holds the arrays {@code x} (the samples, as for {@link #fromNpy}) and {@code y} (the labels)
     * @return the samples, the classes 0..max and the indices as ids
     * @throws IOException naming the file and the array when the input is not as expected
     */
    public static LabelledData fromNpz(Path archive) throws IOException {
        return NpyFiles.readNpz(archive);
    }

    /**
     * Reads a set in whatever format its path names; see {@link InputFiles}.
     *
     * @param files a folder of class folders, a {@code .csv}, a {@code .npz}, or a {@code .npy} pair
     * @param images how image folders become samples
     * @param csv the label column and excluded columns of a CSV table
     * @return the samples, class names and ids
     * @throws IOException naming the file when the input is not as expected
     */
    public static LabelledData fromFiles(InputFiles files, ImageOptions images, CsvOptions csv) throws IOException {
        return files.read(images, csv);
    }
}
