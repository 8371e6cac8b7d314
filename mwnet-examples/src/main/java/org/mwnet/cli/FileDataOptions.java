package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.mwnet.data.CsvOptions;
import org.mwnet.data.ImageOptions;
import org.mwnet.data.InputFiles;
import org.mwnet.data.InputFormat;
import org.mwnet.nn.Model;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Options of {@code train} that name the user's own files instead of a built-in dataset: the training set, the trusted
 * set (or how many training samples to carve out as trusted), an optional test set, external label files, and how
 * images and CSV tables are read. The flags' checks on their own are here ({@link #check}); {@link FileSets} reads
 * the files.
 */
final class FileDataOptions {
    /** Flags of {@code train} that only a built-in dataset uses. */
    private static final List<String> DATASET_FLAGS = List.of("--dataset", "--data-dir", "--noise", "--noise-rate",
            "--imbalance", "--meta-size");
    /** Every flag of these options, in the order of their declaration. */
    private static final List<String> OWN_FLAGS = List.of("--train", "--meta", "--carve-meta", "--test",
            "--train-labels", "--clean-labels", "--label-column", "--exclude-columns", "--image-size", "--channels",
            "--bad-images");

    @Option(names = "--train", paramLabel = "PATH", description = {
        "Train on your own files instead of a built-in --dataset: a folder of class folders "
            + "(<class>/<image>, PNG, JPEG, BMP or GIF), a .csv table, a .npz archive of arrays x and y, or "
            + "SAMPLES.npy,LABELS.npy. Its labels may be wrong: that is what mwnet is for."})
    String train;

    @Option(names = "--meta", paramLabel = "PATH",
            description = "The trusted set, in any of --train's formats: samples whose labels you have checked.")
    String meta;

    @Option(names = "--carve-meta", paramLabel = "N", description = "Instead of --meta, take N training samples "
            + "(class-balanced, a multiple of the class count) as the trusted set, assuming their labels are clean.")
    Integer carveMeta;

    @Option(names = "--test", paramLabel = "PATH",
            description = "A test set in any of --train's formats, only reported (default: none, no test accuracy).")
    String test;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "Replace the training labels: one per "
            + "training sample in the order of their ids, as a text file (one per line), a .csv (its only column or "
            + "--label-column) or a .npy of integers; class names or class indices 0..K-1.")
    Path trainLabels;

    @Option(names = "--clean-labels", paramLabel = "FILE", description = "The training samples' true labels, in "
            + "--train-labels' formats, used only for evaluation: weights.csv then says which labels are corrupted.")
    Path cleanLabels;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "The label column of CSV tables and CSV label files (default: ${DEFAULT-VALUE}).")
    String labelColumn = "label";

    @Option(names = "--exclude-columns", paramLabel = "COLUMN", split = ",",
            description = "CSV columns that are neither features nor the label, e.g. id,comment.")
    List<String> excludeColumns;

    @Option(names = "--image-size", paramLabel = "N", description = "Resize images to N x N (default: the model's "
            + "input size: 28 for lenet, 32 for resnet32; mlp keeps the images' own size, which must then agree).")
    Integer imageSize;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "Image channels: 1 grey, 3 RGB (default: 3 for resnet32, 1 for mlp and lenet).")
    Integer channels;

    @Option(names = "--bad-images", paramLabel = "skip|stop", description = "An image that cannot be decoded: stop "
            + "with its path, or skip it and report how many were skipped (default: stop).")
    BadImages badImages = BadImages.STOP;

    /** @return whether the run trains on the user's files ({@code --train} was given) */
    boolean given() {
        return train != null;
    }

    /**
     * Checks the flags on their own: the dataset flags against {@code --train}, the trusted set, the sizes, and that
     * every format-specific flag applies to one of the inputs.
     *
     * @param parsed the command line, to tell flags given from defaults
     * @param trustedSetNeeded whether the run reads a trusted set (for meta steps or fine-tuning); a run with a
     *     frozen V needs none
     * @throws IOException when a path names nothing mwnet reads
     */
    void check(ParseResult parsed, boolean trustedSetNeeded) throws IOException {
        if (!given()) {
            for (String flag : OWN_FLAGS) {
                if (parsed.hasMatchedOption(flag)) {
                    throw new IllegalArgumentException(flag + " needs --train: it applies to your own files; without "
                            + "--train, train uses a built-in --dataset");
                }
            }
            return;
        }
        for (String flag : DATASET_FLAGS) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException(flag + " applies to a built-in --dataset, not to --train " + train
                        + (flag.startsWith("--noise") ? " (your files' labels are the noise)"
                        : flag.equals("--meta-size") ? " (give --meta, or --carve-meta N)" : ""));
            }
        }
        if (meta != null && carveMeta != null) {
            throw new IllegalArgumentException("--meta and --carve-meta exclude each other: give a trusted set, or "
                    + "carve one out of the training files");
        }
        if (meta == null && carveMeta == null && trustedSetNeeded) {
            throw new IllegalArgumentException("--train needs a trusted set, which MW-Net learns its weighting from: "
                    + "give --meta PATH (samples whose labels you have checked), or --carve-meta N to take N training "
                    + "samples as trusted (their labels are then assumed clean); or weight with a V learned elsewhere, "
                    + "held fixed (--init-v FILE --freeze-v)");
        }
        if (carveMeta != null) {
            TrainChecks.atLeastOne("--carve-meta", carveMeta);
        }
        if (imageSize != null) {
            TrainChecks.atLeastOne("--image-size", imageSize);
        }
        if (channels != null && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("--channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (excludeColumns != null && excludeColumns.contains(labelColumn)) {
            throw new IllegalArgumentException("--exclude-columns " + String.join(",", excludeColumns) + " holds the "
                    + "label column '" + labelColumn + "' (--label-column); expected feature columns only");
        }
        Map<String, InputFormat> formats = formats();
        boolean csvLabelFile = Stream.of(trainLabels, cleanLabels).filter(Objects::nonNull)
                .anyMatch(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        requireApplies(parsed, formats, List.of("--image-size", "--channels", "--bad-images"), InputFormat.FOLDER,
                false);
        requireApplies(parsed, formats, List.of("--exclude-columns"), InputFormat.CSV, false);
        requireApplies(parsed, formats, List.of("--label-column"), InputFormat.CSV, csvLabelFile);
    }

    /**
     * Refuses format-specific flags when no set is in that format (a flag that would silently do nothing).
     *
     * @param usedElsewhere whether the flags serve something else (a CSV label file's column)
     */
    private static void requireApplies(ParseResult parsed, Map<String, InputFormat> formats, List<String> flags,
                                       InputFormat format, boolean usedElsewhere) {
        if (usedElsewhere || formats.containsValue(format)) {
            return;
        }
        for (String flag : flags) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException(flag + " applies to " + format.description() + ", and none of "
                        + formats.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().description() + ")")
                        .toList() + " is one");
            }
        }
    }

    /** @return each given set's flag and value, e.g. "--train data/train", with its format */
    private Map<String, InputFormat> formats() throws IOException {
        Map<String, InputFormat> out = new LinkedHashMap<>();
        for (Map.Entry<String, InputFiles> e : sets().entrySet()) {
            out.put(e.getKey(), e.getValue().format());
        }
        return out;
    }

    /** @return each given set by its flag and value, e.g. "--train data/train": training, then trusted, then test */
    Map<String, InputFiles> sets() {
        Map<String, InputFiles> out = new LinkedHashMap<>();
        out.put(trainName(), InputFiles.parse(train));
        if (meta != null) {
            out.put(metaName(), InputFiles.parse(meta));
        }
        if (test != null) {
            out.put(testName(), InputFiles.parse(test));
        }
        return out;
    }

    /** @return the training folder's or file's name without its extension, e.g. "train" for data/train.csv */
    String trainStem() {
        Path name = sets().get(trainName()).path().toAbsolutePath().normalize().getFileName();
        return name == null ? "train" : name.toString().replaceFirst("\\.[^.]*$", "");
    }

    /** @return the training set in messages */
    String trainName() {
        return "--train " + train;
    }

    /** @return the trusted set in messages */
    String metaName() {
        return meta != null ? "--meta " + meta : "the trusted set carved by --carve-meta " + carveMeta;
    }

    /** @return the test set in messages */
    String testName() {
        return "--test " + test;
    }

    /**
     * @param model the model the images are for
     * @return how image folders are read: {@code --image-size} or the model's input size, {@code --channels} or the
     *     model's default, and {@code --bad-images}
     */
    ImageOptions imageOptions(Model model) {
        int size = imageSize != null ? imageSize : model.imageSide();
        int c = channels != null ? channels : model.channels();
        ImageOptions options = new ImageOptions(c, size, false);
        return badImages.skips() ? options.skippingUnreadable() : options;
    }

    /** @return how CSV tables are read */
    CsvOptions csvOptions() {
        return new CsvOptions(labelColumn, excludeColumns == null ? Set.of() : Set.copyOf(excludeColumns));
    }
}
