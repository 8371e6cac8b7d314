package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mwnet.data.InputSettings;
import org.mwnet.data.SampleStream;
import org.mwnet.data.SampleStreams;
import org.mwnet.eval.PredictionsCsv;
import org.mwnet.eval.Predictor;
import org.mwnet.run.RunDirectory;
import org.mwnet.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mwnet predict}: a checkpoint's class probabilities for new data, prepared as its run prepared its own. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Write a checkpoint's class probabilities for new data to a CSV file.",
            "INPUT is read the way the training run read its data (recorded in the checkpoint): a folder of images "
                + "(all image files in it and its sub-folders, such as <class>/<file>; resized to the run's size "
                + "and converted to its channels), a .csv with the run's feature columns (found by name; other "
                + "columns are ignored), or a .npy file or a .npz archive's array x of samples of the run's shape "
                + "([N, C, H, W], [N, H, W] or [N, D]; uint8 divided by 255). The run's normalisation is applied. "
                + "Works for runs on the built-in datasets too: 28x28 PNGs or a uint8 .npy for a fashion-mnist run.",
            "Columns: id (relative path, CSV data-row number from 1, or array index from 0), predicted (class "
                + "name), probability (of the predicted class), p_<class> (one per class). An existing --out is "
                + "replaced, and only once every sample is written."})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A run's checkpoint.zip.")
    Path checkpoint;

    @Parameters(index = "1", paramLabel = "INPUT", description = "A folder of images, or a .csv, .npy or .npz file.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The predictions CSV to write (replaced if it exists; its folder must exist).")
    Path out;

    @Option(names = "--bad-images", paramLabel = "skip|stop", description = "An image file that cannot be decoded "
            + "stops the command (stop, the default), or is left out and named in a warning (skip).")
    BadImages badImages = BadImages.STOP;

    @Option(names = "--batch", paramLabel = "N",
            description = "Samples read and classified at a time (default: ${DEFAULT-VALUE}).")
    int batch = 500;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch " + batch + ": expected at least 1");
        }
        RunDirectory.requireCheckpointFile(checkpoint);
        requireWritable();
        Checkpoint.Saved saved = Checkpoint.read(checkpoint);
        InputSettings settings = saved.data().input();
        int[] s = settings.shape();
        Checkpoint.Classifier c = saved.classifier(new long[] {s[0], s[1], s[2]}, settings.numClasses());
        long n;
        List<String> notImages;
        List<String> skipped;
        try (SampleStream samples = SampleStreams.open(input, settings, badImages.skips())) {
            n = PredictionsCsv.write(out, samples, new Predictor(c.network(), c.parameters(), settings), batch);
            notImages = samples.notImages();
            skipped = samples.skipped();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!notImages.isEmpty()) {
            err.println("mwnet predict: warning: " + SkippedFiles.notImages(notImages, ""));
        }
        if (!skipped.isEmpty()) {
            err.println("mwnet predict: warning: skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
                    + " that cannot be decoded as images: " + SkippedFiles.named(skipped));
        }
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%d predictions for %s written to %s%n", n, input, out);
        stdout.flush();
        return 0;
    }

    /** Refuses an --out that cannot be written before any work: a folder, a missing folder, or the input itself. */
    private void requireWritable() throws IOException {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; expected a file name");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + out + ": the folder " + dir + " does not exist; create it "
                    + "first");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + out + ": the folder " + dir + " is not writable");
        }
        if (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
            throw new IllegalArgumentException("--out " + out + " is INPUT; expected another file");
        }
    }
}
