package org.mwnet.data;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Opens new data to classify in any input format, read as the run that trained the classifier read its own:
 * <ul>
 *   <li>a folder: every image file under it (in it or in sub-folders at any depth, such as
 *       {@code root/<class>/<file>}), in path order, ids the relative paths. Which files are images is the rule
 *       {@link ImageFolders} states for training: hidden files and folders are ignored, other files that are not
 *       images are left out and reported ({@link SampleStream#notImages}). Images are decoded, resized to the run's
 *       height and width and converted to its channels as {@link ImageFolders} does;</li>
 *   <li>a {@code .csv} table with a header: the run's feature columns, picked by name (other columns, such as a
 *       label, are ignored), ids the data-row numbers from 1. Only for a run that read CSV columns;</li>
 *   <li>a {@code .npy} file, or a {@code .npz} archive's array x, as {@link NpySamples} reads them, ids the indices
 *       from 0; each sample's shape must be the run's.</li>
 * </ul>
 */
public final class SampleStreams {
    /** How many of a run's CSV feature columns a message names. */
    private static final int NAMED_COLUMNS = 3;

    private SampleStreams() {
    }

    /**
     * @param input a folder of images, a {@code .csv}, {@code .npy} or {@code .npz} file
     * @param run how the classifier's run read its input
     * @param skipUnreadable skip image files that cannot be decoded (reported by {@link SampleStream#skipped})
     *     instead of stopping at the first
     * @return the samples
     * @throws DataFormatException naming the input: a format the run's samples cannot come in, a missing CSV
     *     column, samples of another shape, no image files
     * @throws IOException when the input is missing or unreadable
     */
    public static SampleStream open(Path input, InputSettings run, boolean skipUnreadable) throws IOException {
        boolean rows = run.channels() == 1 && run.height() == 1;
        if (!Files.isDirectory(input)) {
            String problem = DataFiles.problem(input);
            if (problem != null) {
                throw new FileSystemException(input.toString(), null, problem);
            }
        }
        InputFormat format = InputFormat.recognise(input).orElseThrow(() -> new DataFormatException(input,
                "is neither a folder nor a .csv, .npy or .npz file; expected " + expected(run)));
        return switch (format) {
            case FOLDER -> {
                if (rows) {
                    throw new DataFormatException(input, "is a folder of images, but the classifier takes rows of "
                            + run.width() + " features; expected " + expected(run));
                }
                yield ImageFileStream.open(input, run, skipUnreadable);
            }
            case CSV -> {
                if (run.columns().isEmpty()) {
                    throw new DataFormatException(input, "is a CSV table, but the classifier was not trained on CSV "
                            + "columns; expected " + expected(run));
                }
                yield CsvRowStream.open(input, run.columns());
            }
            case NPY, NPZ -> {
                NpySamples x = NpySamples.read(input);
                if (!Arrays.equals(x.shape(), run.shape())) {
                    throw new DataFormatException(input, "holds samples of shape " + Arrays.toString(x.shape())
                            + " but the classifier takes " + Arrays.toString(run.shape()) + "; expected "
                            + expected(run));
                }
                yield new NpyStream(x);
            }
        };
    }

    /** @return the inputs a run's classifier can take, for messages */
    private static String expected(InputSettings run) {
        if (run.channels() == 1 && run.height() == 1) {
            String npy = "a .npy or .npz of shape [N, " + run.width() + "]";
            return run.columns().isEmpty() ? npy : "a .csv with the " + featureColumns(run.columns()) + ", or " + npy;
        }
        String shape = run.channels() + ", " + run.height() + ", " + run.width();
        return "a folder of images, or a .npy or .npz of shape [N, " + shape + "]"
                + (run.channels() == 1 ? " or [N, " + run.height() + ", " + run.width() + "]" : "");
    }

    /** @return e.g. "784 feature columns (f1, f2, f3, ...)": the count and the first few names */
    private static String featureColumns(List<String> columns) {
        int n = columns.size();
        String named = String.join(", ", columns.subList(0, Math.min(n, NAMED_COLUMNS)));
        return n + (n == 1 ? " feature column (" : " feature columns (") + named + (n > NAMED_COLUMNS ? ", ...)" : ")");
    }
}
