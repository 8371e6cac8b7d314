package org.mwnet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.Suspects;
import org.mwnet.eval.WeightsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mwnet suspects}: the training samples of an MW-Net run most likely to be mislabelled. */
@Command(name = "suspects", mixinStandardHelpOptions = true,
        description = {"List the training samples most likely to be mislabelled, from an MW-Net run's weights.csv.",
            "Ranked by V's weight, lowest first; ties by lower probability of the observed label, then by row in "
                + "weights.csv. The suggested label is the final classifier's prediction. When the true labels are "
                + "known (mwnet added the noise), also prints precision and recall at K and the ROC AUC of the "
                + "ranking (corrupted = positive)."})
final class SuspectsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "An MW-Net run directory (train --out).")
    Path runDir;

    @Option(names = "--top", paramLabel = "K", description = "How many samples to list (default: ${DEFAULT-VALUE}).")
    int top = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top " + top + ": expected at least 1");
        }
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("RUN_DIR " + runDir + " is not a directory; expected a run directory");
        }
        Path file = runDir.resolve(RunDirectory.WEIGHTS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " not found; expected the weights.csv a finished "
                    + "train --method mwnet run writes");
        }
        List<SampleReport> report = WeightsCsv.read(file);
        if (report.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no rows, expected one per training sample");
        }
        Suspects suspects = Suspects.of(report);
        if (suspects.weightsRiseWithLoss()) {
            spec.commandLine().getErr().println("mwnet suspects: warning: in this run V gives higher weights to higher "
                    + "losses, so the lowest weights are the cleanest-looking samples, not the likely mislabelled "
                    + "ones; see weight-function.png (seen on very small training sets)");
        }
        boolean known = suspects.cleanKnown();
        List<SampleReport> shown = suspects.top(top);
        int idWidth = Math.max(2, shown.stream().mapToInt(r -> r.id().length()).max().orElse(2));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: the %d of %d training samples most likely mislabelled (lowest weight first)%n", file,
                shown.size(), report.size());
        String row = "%4s  %-" + idWidth + "s  %8s -> %-9s  %10s  %11s  %12s";
        out.printf(row + "%s%n", "rank", "id", "observed", "suggested", "weight", "p(observed)", "p(suggested)",
                known ? "  corrupted" : "");
        for (int i = 0; i < shown.size(); i++) {
            SampleReport r = shown.get(i);
            out.printf(row + "%s%n", i + 1, r.id(), r.observedLabel(), r.predictedLabel(), fmt(r.weight()),
                    fmt(r.observedProbability()), fmt(r.predictedProbability()),
                    known ? "  " + (r.corrupted() ? "yes" : "no") : "");
        }
        if (known) {
            Suspects.Quality q = suspects.quality(top);
            out.printf("precision@%d %s (%d of %d corrupted), recall@%d %s (%d of %d corrupted samples), "
                    + "ROC AUC %s%n", q.k(), rate(q.precision()), q.corruptedInTop(), q.k(), q.k(), rate(q.recall()),
                    q.corruptedInTop(), q.corruptedTotal(), rate(q.auc()));
        }
        out.flush();
        return 0;
    }

    /** Four significant digits, so the tiny weights at the top of the ranking stay distinguishable. */
    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A precision, recall or AUC to four decimals; "n/a" where undefined (no corrupted or no clean samples). */
    private static String rate(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
