package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one of a user's sets is, as the user names it, and the one place that reads any format into
 * {@link LabelledData}: a folder of class folders, a {@code .csv} table, a {@code .npz} archive, or a {@code .npy}
 * samples file with its {@code .npy} labels file, written as the pair {@code SAMPLES.npy,LABELS.npy}.
 *
 * @param path the folder or file (the samples' file of a {@code .npy} pair)
 * @param labels the labels' {@code .npy} file of a pair, or null
 */
public record InputFiles(Path path, Path labels) {
    private static final Pattern NPY_PAIR = Pattern.compile("(.+\\.npy),(.+\\.npy)", Pattern.CASE_INSENSITIVE);
    /** Where a {@code .npy} name is joined to the next by a comma. */
    private static final Pattern NPY_JOIN = Pattern.compile("\\.npy,(?=.*\\.npy$)", Pattern.CASE_INSENSITIVE);

    /**
     * @param value a path, or two {@code .npy} paths joined by a comma (samples, then labels); the comma is read as a
     *     separator only between two names that end in {@code .npy}, so other paths may hold commas
     * @return the location
     * @throws IllegalArgumentException when more than two {@code .npy} names are joined by commas
     */
    public static InputFiles parse(String value) {
        long joins = NPY_JOIN.matcher(value).results().count();
        if (joins > 1) {
            throw new IllegalArgumentException(value + ": " + (joins + 1) + " .npy files joined by commas; expected "
                    + "two, SAMPLES.npy,LABELS.npy");
        }
        Matcher pair = NPY_PAIR.matcher(value);
        return pair.matches() ? new InputFiles(Path.of(pair.group(1)), Path.of(pair.group(2)))
                : new InputFiles(Path.of(value), null);
    }

    /**
     * @return the samples' format, by the path
     * @throws IOException when the path names nothing mwnet reads
     */
    public InputFormat format() throws IOException {
        return InputFormat.of(path);
    }

    /**
     * Reads the set in its format.
     *
     * @param images how image folders become samples (ignored for other formats)
     * @param csv the label column and excluded columns of a CSV table (ignored for other formats)
     * @return the samples, class names, ids (relative path, CSV row number from 1, or array index from 0), skipped
     *     images and CSV feature columns
     * @throws DataFormatException naming the file (row, column) when the input is not as expected, including a
     *     {@code .npy} samples file given without its labels
     * @throws IOException when a file is missing or unreadable
     */
    public LabelledData read(ImageOptions images, CsvOptions csv) throws IOException {
        return switch (format()) {
            case FOLDER -> ImageFolders.read(path, images);
            case CSV -> CsvTables.read(path, csv);
            case NPZ -> NpyFiles.readNpz(path);
            case NPY -> {
                if (labels == null) {
                    throw new DataFormatException(path, "is a .npy array of samples without labels; expected its "
                            + "labels too, as the pair " + path + ",LABELS.npy (a .npy of one integer per sample), "
                            + "or both in one .npz archive (np.savez(file, x=samples, y=labels))");
                }
                yield NpyFiles.read(path, labels);
            }
        };
    }

    /** @return the location as the user writes it */
    @Override
    public String toString() {
        return labels == null ? path.toString() : path + "," + labels;
    }
}
