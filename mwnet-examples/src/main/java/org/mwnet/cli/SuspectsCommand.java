package org.mwnet.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.mwnet.data.Datasets;
import org.mwnet.data.InputSettings;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.Suspects.Ranking;
import org.mwnet.eval.Suspects;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.AtomicFiles;
import org.mwnet.plots.SuspectGrid;
import org.mwnet.run.RunDirectory;
import org.mwnet.run.SuspectImages;
import org.mwnet.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mwnet suspects}: the training samples of a run most likely to be mislabelled, listed from its weights.csv
 * and, for image data, drawn into {@code suspects.png}. A weights.csv without one row per sample of the run's
 * training split (its checkpoint says how many) is refused. The list comes first; when the grid cannot be drawn (no
 * checkpoint, no inputs.json, training files moved or changed) a one-line warning says why, any earlier
 * suspects.png is removed, and the command still succeeds.
 */
@Command(name = "suspects", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the training samples most likely to be mislabelled, from a run's weights.csv (any "
                + "method), and for image data draw the top ones into RUN_DIR/suspects.png, captioned "
                + "\"observed -> suggested\" (at most " + SuspectGrid.MAX_IMAGES + " images).",
            "--rank-by auto (the default): weight where V's weights fall with the loss over the training samples "
                + "(Spearman's rank correlation of loss and weight at most -0.5), else self-confidence (short runs "
                + "and small training sets can learn weights that rise with the loss, or barely fall); for a run with "
                + "V a line says "
                + "which and why. --rank-by weight: V's weight, lowest first; ties by lower probability of the "
                + "observed label, then by row in weights.csv (runs with V, method mwnet). --rank-by "
                + "self-confidence: the probability of the observed label, lowest first (cleanlab's default score); "
                + "ties by higher probability of the suggested label, then by row. The suggested label is the final "
                + "classifier's prediction; labels are shown by the class names the run's checkpoint records. When "
                + "the true labels are known, also prints precision and recall at K and the ROC AUC of the ranking "
                + "(corrupted = positive)."})
final class SuspectsCommand implements Callable<Integer> {
    /** The {@code --rank-by} value that lets {@link Ranking#auto} choose from the run's weights. */
    private static final String AUTO = "auto";

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (train --out).")
    Path runDir;

    @Option(names = "--top", paramLabel = "K", description = "How many samples to list (default: ${DEFAULT-VALUE}).")
    int top = 20;

    @Option(names = "--rank-by", paramLabel = "SCORE", description = "auto, weight or self-confidence (default: "
            + "${DEFAULT-VALUE}: weight where V's weights fall with the loss, else self-confidence).")
    String rankBy = AUTO;

    @Option(names = "--data-dir", description = "Directory holding a built-in dataset's files, for the images of "
            + "suspects.png (default: where train looks).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top " + top + ": expected at least 1");
        }
        Ranking asked = rankBy.equals(AUTO) ? null : rankingFlag(rankBy);
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("--data-dir " + dataDir + " is not a directory");
        }
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("RUN_DIR " + runDir + " is not a directory; expected a run directory");
        }
        Path file = runDir.resolve(RunDirectory.WEIGHTS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " not found; expected the weights.csv a finished train run "
                    + "writes");
        }
        List<SampleReport> report = WeightsCsv.read(file);
        if (report.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no rows, expected one per training sample");
        }
        Checkpoint.Saved saved = checkpoint();
        if (saved != null) {
            requireTrainingSet(file, report, saved);
        }
        if (asked == Ranking.WEIGHT && !report.get(0).weighted()) {
            throw new IllegalArgumentException("--rank-by weight: " + file + " has no weights, as "
                    + (saved == null ? "the run's method" : "method " + saved.config().method()) + " learns no V; "
                    + "use --rank-by self-confidence");
        }
        List<String> classes = saved == null ? null : saved.data().input().classes();
        if (classes != null) {
            requireLabelsIn(file, report, classes);
        }
        Suspects suspects = Suspects.of(report, asked != null ? asked : Ranking.auto(report));
        if (suspects.weightsRiseWithLoss()) {
            warn("in this run V gives higher weights to higher losses, so the lowest weights are the "
                    + "cleanest-looking samples, not the likely mislabelled ones; see weight-function.png (seen on "
                    + "short runs and very small training sets), or use --rank-by auto or self-confidence");
        }
        List<SampleReport> shown = suspects.top(top);
        print(file, report, suspects, asked == null, shown, classes);
        grid(report, shown, saved, classes);
        return 0;
    }

    private static Ranking rankingFlag(String value) {
        try {
            return Ranking.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rank-by " + value + ": expected " + AUTO + ", weight or "
                    + "self-confidence", e);
        }
    }

    /** @return the run's checkpoint, or null when there is none or it cannot be read (with a warning) */
    private Checkpoint.Saved checkpoint() {
        Path file = runDir.resolve(RunDirectory.CHECKPOINT);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Checkpoint.read(file);
        } catch (IOException e) {
            warn(OneLineErrors.describe(e) + "; labels shown as numbers");
            return null;
        }
    }

    /**
     * Checks that weights.csv has one row per sample of the run's training split, and on a built-in dataset that its
     * ids are the split's row numbers in order, as train writes them.
     *
     * @throws IllegalArgumentException saying what differs, for a file cut short or from another run
     */
    private void requireTrainingSet(Path file, List<SampleReport> report, Checkpoint.Saved saved) {
        String rewrite = "; train --out " + runDir + " --resume with the run's options writes it again";
        if (report.size() != saved.trainSize()) {
            throw new IllegalArgumentException(file + " holds " + report.size() + " rows but the run trained on "
                    + saved.trainSize() + " samples (" + runDir.resolve(RunDirectory.CHECKPOINT) + "); expected one "
                    + "row per training sample: it is cut short or from another run" + rewrite);
        }
        if (Datasets.NAMES.contains(saved.data().input().format())) {
            for (int i = 0; i < report.size(); i++) {
                if (!report.get(i).id().equals(Integer.toString(i))) {
                    throw new IllegalArgumentException(file + " row " + (i + 1) + ": id \"" + report.get(i).id()
                            + "\", expected " + i + ", the row number of the run's training split, as train writes "
                            + "them" + rewrite);
                }
            }
        }
    }

    private static void requireLabelsIn(Path file, List<SampleReport> report, List<String> classes) {
        for (int i = 0; i < report.size(); i++) {
            SampleReport r = report.get(i);
            int largest = Math.max(Math.max(r.observedLabel(), r.predictedLabel()),
                    r.cleanKnown() ? r.cleanLabel() : 0);
            if (largest >= classes.size()) {
                throw new IllegalArgumentException(file + " row " + (i + 1) + ": label " + largest + ", but the run's "
                        + "checkpoint names " + classes.size() + " classes; expected the weights.csv of that run");
            }
        }
    }

    /**
     * Prints the listing: a title, for a ranking that {@code --rank-by auto} chose among V's weights a line saying
     * which and why, the rows, and the ranking's quality when the true labels are known.
     */
    private void print(Path file, List<SampleReport> report, Suspects suspects, boolean auto, List<SampleReport> shown,
                       List<String> classes) {
        boolean known = suspects.cleanKnown();
        boolean weighted = report.get(0).weighted();
        int idWidth = width(shown.stream().map(SampleReport::id), 2);
        int observedWidth = width(shown.stream().map(r -> name(classes, r.observedLabel())), 8);
        int suggestedWidth = width(shown.stream().map(r -> name(classes, r.predictedLabel())), 9);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: the %d of %d training samples most likely mislabelled (%s)%n", file, shown.size(),
                report.size(), suspects.ranking() == Ranking.WEIGHT ? "by weight, lowest first"
                        : "by self-confidence: lowest probability of the observed label first");
        if (auto && weighted) {
            double rho = Suspects.lossWeightCorrelation(report);
            out.printf("--rank-by auto chose %s: V's weights %s with the loss in this run (Spearman's rank "
                    + "correlation %s)%n", suspects.ranking() == Ranking.WEIGHT ? "weight" : "self-confidence",
                    rho <= Suspects.CLEAR_FALL ? "fall" : rho < 0 ? "fall only weakly" : rho > 0 ? "rise"
                            : "do not fall", rate(rho));
        }
        String row = "%4s  %-" + idWidth + "s  %" + observedWidth + "s -> %-" + suggestedWidth + "s  %s%11s  %12s%s%n";
        out.printf(row, "rank", "id", "observed", "suggested", weighted ? String.format("%10s  ", "weight") : "",
                "p(observed)", "p(suggested)", known ? "  corrupted" : "");
        for (int i = 0; i < shown.size(); i++) {
            SampleReport r = shown.get(i);
            out.printf(row, i + 1, r.id(), name(classes, r.observedLabel()), name(classes, r.predictedLabel()),
                    weighted ? String.format("%10s  ", fmt(r.weight())) : "", fmt(r.observedProbability()),
                    fmt(r.predictedProbability()), known ? "  " + (r.corrupted() ? "yes" : "no") : "");
        }
        if (known) {
            Suspects.Quality q = suspects.quality(top);
            out.printf("precision@%d %s (%d of %d corrupted), recall@%d %s (%d of %d corrupted samples), "
                    + "ROC AUC %s%n", q.k(), rate(q.precision()), q.corruptedInTop(), q.k(), q.k(), rate(q.recall()),
                    q.corruptedInTop(), q.corruptedTotal(), rate(q.auc()));
        }
        out.flush();
    }

    /**
     * Draws the top images into suspects.png, or says why not: on standard output when the data are not images, as
     * a warning when they are but cannot be read (then an earlier suspects.png, which belonged to another listing,
     * is removed).
     */
    private void grid(List<SampleReport> report, List<SampleReport> shown, Checkpoint.Saved saved,
                      List<String> classes) throws IOException {
        Path png = runDir.resolve(RunDirectory.SUSPECTS_PNG);
        PrintWriter out = spec.commandLine().getOut();
        if (saved == null) {
            Files.deleteIfExists(png);
            warn("no " + png.getFileName() + ": no readable " + runDir.resolve(RunDirectory.CHECKPOINT)
                    + "; it records the run's input, where the images are");
            return;
        }
        InputSettings input = saved.data().input();
        String notImages = SuspectImages.notImages(input);
        if (notImages != null) {
            Files.deleteIfExists(png);
            out.printf("no %s: %s%n", png.getFileName(), notImages);
            out.flush();
            return;
        }
        List<SampleReport> drawn = shown.subList(0, Math.min(shown.size(), SuspectGrid.MAX_IMAGES));
        List<BufferedImage> images;
        try {
            images = SuspectImages.read(runDir, saved.data(), dataDir, report, drawn);
        } catch (IOException | IllegalArgumentException e) {
            Files.deleteIfExists(png);
            warn("no " + png.getFileName() + ": " + OneLineErrors.describe(e));
            return;
        }
        List<String> captions = drawn.stream().map(r -> name(classes, r.observedLabel()) + " -> "
                + name(classes, r.predictedLabel())).toList();
        BufferedImage grid = SuspectGrid.draw(images, captions);
        AtomicFiles.write(png, stream -> ImageIO.write(grid, "png", stream));
        out.printf("%s: the top %d%s as \"observed -> suggested\"%n", png, drawn.size(),
                drawn.size() < shown.size() ? " of the " + shown.size() + " listed" : "");
        out.flush();
    }

    private void warn(String message) {
        spec.commandLine().getErr().println("mwnet suspects: warning: " + message);
        spec.commandLine().getErr().flush();
    }

    /** @return a label's class name, or its number when the run's classes are unknown */
    private static String name(List<String> classes, int label) {
        return classes == null ? Integer.toString(label) : classes.get(label);
    }

    private static int width(Stream<String> values, int least) {
        return Math.max(least, values.mapToInt(String::length).max().orElse(least));
    }

    /** Four significant digits, so the tiny weights at the top of the ranking stay distinguishable. */
    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * A precision, recall, AUC or correlation to four decimals; "n/a" where undefined (no corrupted or no clean
     * samples, all weights equal).
     */
    private static String rate(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
