package org.mwnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwnet.data.SplitConfig;
import org.mwnet.eval.RunMetrics;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mwnet train}: one training run, leaving metrics, plots and checkpoints in its run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a classifier on noisy or imbalanced data (Meta-Weight-Net or a baseline).")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    TrainOptions train = new TrainOptions();

    @Option(names = "--out", description = "Run directory (default: runs/<dataset>-<method>-<noise>-seed<seed>); "
            + "a new or empty one, unless --resume or --overwrite.")
    Path out;

    @Option(names = "--resume", description = "Continue the run directory's checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start afresh in a run directory that holds a previous run, "
            + "replacing its files (without this or --resume, such a directory is refused).")
    boolean overwrite;

    @Option(names = "--init-v", description = "Start V from an exported V (a run's vnet.zip).")
    Path initV;

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other: continue the run or replace it");
        }
        TrainChecks.flags(train, data, backendOptions);
        SplitConfig split = data.splitConfig();
        TrainConfig config = train.config(data.seed);
        Path dir = out != null ? out : Path.of("runs", data.dataset + "-" + config.method() + "-" + split.noise().cliName()
                + (split.noiseRate() > 0 ? "" + split.noiseRate() : "") + (split.imbalance() > 1 ? "-lt" + split.imbalance() : "")
                + "-seed" + data.seed);
        var err = spec.commandLine().getErr();
        RunMetrics m = TrainRun.execute(config.method(), data.load(), split, config, dir,
                resume ? RunDirectory.Mode.RESUME : overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.FRESH, initV, backendOptions,
                err).metrics();
        var outWriter = spec.commandLine().getOut();
        outWriter.printf("final test accuracy %.2f%%, selected (epoch %d on %s) %.2f%%, %.1f ms/iter; run directory %s%n",
                m.finalTestAcc(), m.selectedEpoch(), m.selectionSet(), m.selectedTestAcc(), m.msPerIter(), dir);
        outWriter.flush();
        return 0;
    }
}
