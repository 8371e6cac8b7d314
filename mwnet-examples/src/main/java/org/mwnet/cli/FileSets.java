package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mwnet.data.CsvOptions;
import org.mwnet.data.Dataset;
import org.mwnet.data.GivenSplits;
import org.mwnet.data.ImageOptions;
import org.mwnet.data.InputFiles;
import org.mwnet.data.InputSettings;
import org.mwnet.data.LabelList;
import org.mwnet.data.LabelledData;
import org.mwnet.data.Normalization;
import org.mwnet.data.SetAlignment;
import org.mwnet.data.Splits;
import org.mwnet.nn.Model;
import org.mwnet.run.RunData;
import org.mwnet.run.RunInputs;
import org.mwnet.train.TrainConfig;

/**
 * The training, trusted and test sets of a run on the user's files, as {@link FileDataOptions} name them: read in
 * their formats, put on the training classes, relabelled from label files, the trusted set carved out of the training
 * files when asked, normalised with the training set's statistics and split, each problem in one line that names the
 * flag and the file. Nothing is written: the run directory opens only after this succeeded.
 */
final class FileSets {
    private final FileDataOptions files;
    private final Map<String, InputFiles> sets;
    private final ImageOptions images;
    private final CsvOptions csv;
    private final List<String> warnings = new ArrayList<>();

    private FileSets(FileDataOptions files, Model model) {
        this.files = files;
        this.sets = files.sets();
        this.images = files.imageOptions(model);
        this.csv = files.csvOptions();
    }

    /**
     * @param files the file flags, already checked on their own
     * @param config the run's configuration (its model decides the image defaults and must fit the samples)
     * @param validationSize samples carved out of the trusted set for model selection (0: select on the meta set)
     * @param seed the seed of the carvings
     * @return the run's data, with warnings about files left out of image folders and a carved trusted set
     * @throws IOException when a file is missing, unreadable or malformed
     */
    static RunData read(FileDataOptions files, TrainConfig config, int validationSize, long seed) throws IOException {
        FileSets reading = new FileSets(files, config.model());
        List<LabelledData> trainAndTrusted = reading.trainAndTrusted(config, seed);
        LabelledData train = trainAndTrusted.get(0);
        LabelledData test = files.test == null ? null
                : SetAlignment.onto(files.trainName(), train, files.testName(), reading.read(files.testName()));
        TrainChecks.model(config, train.data(), files.trainName());
        Normalization normalization = Normalization.fit(train.data());
        InputSettings input = InputSettings.ofFiles(reading.sets.get(files.trainName()).format().settingsName(),
                train, normalization);
        Splits splits;
        try {
            Dataset normalized = normalization.applyTo(train.data());
            LabelledData trusted = trainAndTrusted.get(1);
            splits = trusted == null ? GivenSplits.of(normalized, normalized.subset(new int[0]),
                    normalized.subset(new int[0]))
                    : GivenSplits.carving(normalized, normalization.applyTo(trusted.data()), validationSize, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--validation-size " + validationSize + " (carved out of "
                    + files.metaName() + "): " + e.getMessage(), e);
        }
        TrainChecks.againstData(config, splits, "give a larger trusted set");
        Dataset testSet = test == null ? splits.train().subset(new int[0]) : normalization.applyTo(test.data());
        return new RunData(splits, testSet, GivenSplits.summary(splits, testSet, seed, input), train.ids(),
                files.cleanLabels != null, reading.inputs(), reading.warnings);
    }

    /**
     * @param config the run's configuration: what the trusted set is for, in the carving's warning
     * @param seed the seed of the carving
     * @return the training set (its labels replaced and its true labels set from the label files) and the trusted
     *     set, read or carved out of it, on one class list (null when there is none)
     */
    private List<LabelledData> trainAndTrusted(TrainConfig config, long seed) throws IOException {
        String misled = config.takesMetaSteps() ? "V's weighting" : config.method().needsValidation()
                ? "the fine-tuning" : "the choice of epoch";
        LabelledData train = read(files.trainName());
        LabelledData trusted = null;
        if (files.meta != null) {
            List<LabelledData> aligned = SetAlignment.trainAndTrusted(files.trainName(), train, files.metaName(),
                    read(files.metaName()));
            train = aligned.get(0);
            trusted = aligned.get(1);
        }
        if (files.trainLabels != null) {
            train = SetAlignment.observedLabels(files.trainName(), train,
                    LabelList.read(files.trainLabels, files.labelColumn));
        }
        if (files.cleanLabels != null) {
            train = SetAlignment.trueLabels(files.trainName(), train,
                    LabelList.read(files.cleanLabels, files.labelColumn));
        }
        if (files.carveMeta != null) {
            GivenSplits.Carved carved = carve(files.carveMeta, train, seed);
            warnings.add("--carve-meta " + files.carveMeta + " takes " + files.carveMeta + " training samples ("
                    + files.carveMeta / train.classes().size() + " per class) as the trusted set and assumes their "
                    + "labels are clean; wrong labels among them mislead " + misled + " (give --meta with checked "
                    + "samples to avoid this)");
            trusted = train.subset(carved.taken());
            train = train.subset(carved.rest());
        }
        // no trusted set: a run with a frozen V
        return Arrays.asList(train, trusted);
    }

    /** Reads one set; the files it left out, as not images or as unreadable, become warnings. */
    private LabelledData read(String name) throws IOException {
        LabelledData set = sets.get(name).read(images, csv);
        if (!set.notImages().isEmpty()) {
            warnings.add(SkippedFiles.notImages(set.notImages(), " of " + name));
        }
        List<String> skipped = set.skipped();
        if (!skipped.isEmpty()) {
            warnings.add("--bad-images skip left out " + skipped.size() + " unreadable image"
                    + (skipped.size() == 1 ? "" : "s") + " of " + name + ": " + SkippedFiles.named(skipped));
        }
        return set;
    }

    private static GivenSplits.Carved carve(int size, LabelledData train, long seed) {
        try {
            return GivenSplits.carve(train.data(), size, seed, "training", "trusted", "training");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--carve-meta " + size + ": " + e.getMessage(), e);
        }
    }

    /** @return the absolute paths of the files read, for inputs.json */
    private RunInputs inputs() {
        InputFiles train = sets.get(files.trainName());
        return new RunInputs(absolute(train.path()), absolute(files.trainLabels != null ? files.trainLabels
                : train.labels()), files.meta == null ? null : absolute(sets.get(files.metaName()).path()),
                files.test == null ? null : absolute(sets.get(files.testName()).path()), absolute(files.cleanLabels));
    }

    private static String absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize().toString();
    }
}
