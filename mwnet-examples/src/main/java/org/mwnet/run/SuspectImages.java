package org.mwnet.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.mwnet.data.DataFormatException;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Dataset;
import org.mwnet.data.Datasets;
import org.mwnet.data.FloatChecksums;
import org.mwnet.data.ImageFolders;
import org.mwnet.data.InputSettings;
import org.mwnet.data.NpySamples;
import org.mwnet.data.Splits;
import org.mwnet.eval.SampleReport;
import org.mwnet.plots.SampleImages;
import org.mwnet.train.DataSettings;

/**
 * The training images behind the ids of a run's {@code weights.csv}, found from what the run recorded:
 * <ul>
 *   <li>a built-in dataset: the training split redrawn from the checkpoint's data settings (the run's very draw, its
 *       labels checked against weights.csv), ids being its row numbers; the normalisation is undone;</li>
 *   <li>image folders: the file {@code root/id}, {@code root} being the training folder that {@code inputs.json}
 *       names, shown as stored (its own size and colours);</li>
 *   <li>a {@code .npy} samples file or {@code .npz} archive ({@code inputs.json}'s training path): row {@code id} of
 *       the samples array; uint8 values
 *       are divided by 255, float values are shown as stored when all the shown rows lie in [0, 1], else mapped
 *       from [min(0, lowest), max(1, highest)] of those rows to [0, 1].</li>
 * </ul>
 * Each shown sample is first checked against its {@code sample_crc32} in weights.csv: a file read again the way the
 * run read it ({@link ImageFolders#readImage} or {@link NpySamples#values}, then the run's normalisation) must give
 * the very floats the run trained on, so a file changed since the run is reported rather than shown under the old
 * caption. CSV rows, [N, D] arrays and samples of other than 1 or 3 channels are not images ({@link #notImages}); a
 * run fed by a {@code DataSetIterator} keeps no files to read.
 */
public final class SuspectImages {
    private SuspectImages() {
    }

    /**
     * @param input how the run read its training data
     * @return why its samples cannot be shown as images, or null when they can
     */
    public static String notImages(InputSettings input) {
        return switch (input.format()) {
            case InputSettings.CSV -> "the training data are CSV rows, not images";
            case InputSettings.ITERATOR -> "the run read its training data from a DataSetIterator, whose images it "
                    + "does not keep";
            default -> input.height() == 1 ? "the training samples are [N, D] feature rows, not images"
                    : !input.format().equals(InputSettings.FOLDER) && input.channels() != 1 && input.channels() != 3
                    ? "the training samples have " + input.channels() + " channels; images have 1 or 3"
                    : null;
        };
    }

    /**
     * @param runDir the run directory
     * @param data the data settings of its checkpoint (whose input shows images, see {@link #notImages})
     * @param dataDir where a built-in dataset's files are, or null for the usual places
     * @param report every row of its weights.csv, in file order
     * @param shown the rows whose images are wanted
     * @return their images, in order
     * @throws IOException naming the file that is missing, unreadable, no longer fits the run or no longer holds a
     *     shown sample as the run read it
     * @throws IllegalArgumentException when a built-in dataset's redrawn split does not fit weights.csv (its labels or
     *     its samples' checksums)
     */
    public static List<BufferedImage> read(Path runDir, DataSettings data, Path dataDir, List<SampleReport> report,
                                           List<SampleReport> shown) throws IOException {
        InputSettings input = data.input();
        if (Datasets.NAMES.contains(input.format())) {
            return builtIn(runDir, data, dataDir, report, shown);
        }
        Path inputsFile = runDir.resolve(RunDirectory.INPUTS);
        if (!Files.isRegularFile(inputsFile)) {
            throw new NoSuchFileException(inputsFile.toString(), null, "not found; it names the run's training files, "
                    + "where the images are");
        }
        Path train = RunInputs.read(inputsFile).trainPath();
        if (input.format().equals(InputSettings.FOLDER)) {
            List<BufferedImage> images = new ArrayList<>();
            for (SampleReport r : shown) {
                images.add(file(train, r, input));
            }
            return images;
        }
        return npyRows(train, input, shown);
    }

    private static List<BufferedImage> builtIn(Path runDir, DataSettings data, Path dataDir, List<SampleReport> report,
                                               List<SampleReport> shown) throws IOException {
        Dataset train = Splits.make(Datasets.load(data.dataset(), DataLocator.standard(dataDir)).train(),
                data.splitConfig()).train();
        Path weights = runDir.resolve(RunDirectory.WEIGHTS);
        if (train.size() != report.size()) {
            throw new IllegalArgumentException("the redrawn " + data.dataset() + " training split has " + train.size()
                    + " samples but " + weights + " has " + report.size() + " rows; expected the same data files");
        }
        for (int i = 0; i < report.size(); i++) {
            if (train.label(i) != report.get(i).observedLabel()) {
                throw new IllegalArgumentException(weights + " row " + (i + 1) + ": observed label "
                        + report.get(i).observedLabel() + ", but the redrawn " + data.dataset() + " training split "
                        + "has " + train.label(i) + "; expected the same data files");
            }
            if (train.sampleChecksum(i) != report.get(i).sampleCrc32()) {
                throw new IllegalArgumentException(weights + " row " + (i + 1) + ": the redrawn " + data.dataset()
                        + " training split's sample " + i + " does not match its sample_crc32; expected the same "
                        + "data files");
            }
        }
        List<BufferedImage> images = new ArrayList<>();
        for (SampleReport r : shown) {
            images.add(SampleImages.of(train, row("the redrawn " + data.dataset() + " training split", r.id(),
                    train.size()), data.input().normalization()));
        }
        return images;
    }

    private static BufferedImage file(Path root, SampleReport r, InputSettings input) throws IOException {
        String id = r.id();
        Path file = root.resolve(id);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not found; expected the training image of id "
                    + id + " (moved since the run?)");
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        }
        if (image != null) {
            requireUnchanged(file, "its sample", ImageFolders.readImage(file, input.channels(), input.height(),
                    input.width()), input, r);
            return image;
        }
        throw new DataFormatException(file, "is not an image ImageIO can decode; expected the run's training image");
    }

    private static List<BufferedImage> npyRows(Path file, InputSettings input, List<SampleReport> shown)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not found; expected the run's training samples "
                    + "(moved since the run?)");
        }
        NpySamples x = NpySamples.read(file);
        if (!Arrays.equals(x.shape(), input.shape())) {
            throw new DataFormatException(file, "has samples of shape " + Arrays.toString(x.shape()) + " but the run "
                    + "read samples of " + input.channels() + "x" + input.height() + "x" + input.width()
                    + "; expected the run's file");
        }
        List<float[]> rows = new ArrayList<>();
        for (SampleReport r : shown) {
            int i = row(file.toString(), r.id(), x.size());
            float[] values = x.values(i, i + 1);
            requireUnchanged(file, "its sample " + i, values, input, r);
            rows.add(values);
        }
        return displayed(rows, input);
    }

    /**
     * @param file the file the sample was read from, for the message
     * @param sample what the message calls the sample in the file
     * @param values the sample's values as read again, before normalisation
     * @param input how the run read and normalised its samples
     * @param r the sample's row of weights.csv
     * @throws DataFormatException when the values, normalised as the run did, do not match the row's sample_crc32
     */
    private static void requireUnchanged(Path file, String sample, float[] values, InputSettings input,
                                         SampleReport r) throws DataFormatException {
        float[] normalised = input.normalization().apply(values, input.height() * input.width());
        if (FloatChecksums.crc32(normalised, 0, normalised.length) != r.sampleCrc32()) {
            throw new DataFormatException(file, "changed since the run (" + sample + " no longer matches "
                    + RunDirectory.WEIGHTS + "); expected the file the run read");
        }
    }

    /**
     * @param rows samples' values as the run read them (uint8 already divided by 255)
     * @param input their shape
     * @return them as images: as they are when all lie in [0, 1], else mapped from [min(0, lowest), max(1, highest)]
     *     to [0, 1]
     */
    private static List<BufferedImage> displayed(List<float[]> rows, InputSettings input) {
        float lowest = 0;
        float highest = 1;
        for (float[] v : rows) {
            for (float f : v) {
                lowest = Math.min(lowest, f);
                highest = Math.max(highest, f);
            }
        }
        List<BufferedImage> images = new ArrayList<>();
        for (float[] v : rows) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - lowest) / (highest - lowest);
            }
            images.add(SampleImages.fromValues(v, input.channels(), input.height(), input.width()));
        }
        return images;
    }

    /**
     * @param source what holds the rows, for the message
     * @param id an id of weights.csv
     * @param rows how many rows there are
     * @return the row number the id names
     * @throws IllegalArgumentException when it names none of the rows
     */
    private static int row(String source, String id, long rows) {
        try {
            int i = Integer.parseInt(id);
            if (i >= 0 && i < rows) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " has " + rows + " samples, so weights.csv's id \"" + id
                + "\" names none; expected a row number from 0 to " + (rows - 1));
    }
}
