package org.mwnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Dataset;
import org.mwnet.data.Datasets;
import org.mwnet.eval.Evaluator;
import org.mwnet.run.RunDirectory;
import org.mwnet.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwnet eval}: a checkpoint's classifier on the test set of the dataset it was trained on. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint's classifier on the test set of the dataset it was trained on.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A run's checkpoint.zip.")
    Path checkpoint;

    @Option(names = "--dataset", description = "The dataset it was trained on, as a check: the checkpoint records it, "
            + "and a different one is refused (default: the checkpoint's).")
    String dataset;

    @Option(names = "--data-dir", description = "Directory holding the dataset's files.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (dataset != null && !Datasets.NAMES.contains(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + ": unknown dataset; expected one of "
                    + Datasets.NAMES);
        }
        RunDirectory.requireCheckpointFile(checkpoint);
        Checkpoint.Saved saved = Checkpoint.read(checkpoint);
        String trainedOn = saved.data().dataset();
        if (!Datasets.NAMES.contains(trainedOn)) {
            throw new IllegalArgumentException(checkpoint + " was trained on your own files ("
                    + saved.data().input().format() + "), and eval reads only the built-in datasets' test sets; pass "
                    + "your test files to train --test to have them reported");
        }
        if (dataset != null && !dataset.equals(trainedOn)) {
            throw new IllegalArgumentException("--dataset " + dataset + " disagrees with " + checkpoint
                    + ", which was trained on " + trainedOn + "; leave --dataset out or give --dataset " + trainedOn);
        }
        Dataset test = Datasets.load(trainedOn, DataLocator.standard(dataDir)).test();
        saved.requireTestSet(test);
        int[] s = test.imageShape();
        Checkpoint.Classifier c = saved.classifier(new long[] {s[0], s[1], s[2]}, test.numClasses());
        double acc = new Evaluator(c.network(), c.parameters().dataType()).accuracy(c.parameters(), test);
        spec.commandLine().getOut().printf("%s: %s %s after %d epochs, test accuracy %.2f%% on %d %s images%n",
                checkpoint, saved.config().method(), saved.network(), saved.epochs(), acc, test.size(),
                trainedOn);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
