package org.mwnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.TrainTest;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.run.RunData;
import org.mwnet.run.RunDirectory;
import org.mwnet.spark.BackendPlugin;
import org.mwnet.spark.SparkTraining;
import org.mwnet.train.Methods;
import org.mwnet.train.RunMetrics;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mwnet train}: one training run, leaving metrics, plots and checkpoints in its run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a classifier on noisy or imbalanced data (Meta-Weight-Net or a baseline): a built-in "
            + "--dataset with noise mwnet adds, or your own files (--train, with --meta or --carve-meta).",
            "With --train, --validation-size is carved out of the trusted set for model selection, --seed seeds that "
                + "and every draw, and the test set (--test) is only reported."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    FileDataOptions files = new FileDataOptions();

    @Mixin
    TrainOptions train = new TrainOptions();

    @Option(names = "--out", description = "Run directory (default: runs/<dataset>-<method>-<noise>-seed<seed>, or "
            + "runs/<--train's name>-<method>-seed<seed>); a new or empty one, unless --resume or --overwrite.")
    Path out;

    @Option(names = "--resume", description = "Continue the run directory's checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start afresh in a run directory that holds a previous run, "
            + "replacing its files when the new run ends; until then the previous run stays whole, and a new run that "
            + "fails or is killed leaves it as it was (without this or --resume, such a directory is refused).")
    boolean overwrite;

    @Option(names = "--init-v", description = "Start V from an exported V (a run's vnet.zip).")
    Path initV;

    @Option(names = "--dl4j-model", paramLabel = "FILE", description = "Train a Deeplearning4j network instead of "
            + "--model: a MultiLayerConfiguration in JSON (initialised by mwnet) or a ModelSerializer zip (trained on "
            + "from its weights); the run directory then also holds the trained network as model-dl4j.zip.")
    Path dl4jModel;

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other: continue the run or replace it");
        }
        if (train.freezeV && initV == null) {
            throw new IllegalArgumentException("--freeze-v weights the samples with an imported V: give it with "
                    + "--init-v FILE (a run's vnet.zip)");
        }
        spark.check(train);
        TrainChecks.flags(train, data, backendOptions);
        TrainConfig config = train.config(data.seed);
        files.check(spec.commandLine().getParseResult(), config.needsMetaSet());
        PrintWriter err = spec.commandLine().getErr();
        RunData runData;
        Path dir;
        if (files.given()) {
            Flags.naming(() -> config.requireSelectionSplit(data.validationSize));
            runData = FileSets.read(files, config, data.validationSize, data.seed);
            dir = out != null ? out : Path.of("runs", files.trainStem() + "-" + config.method() + "-seed" + data.seed);
        } else {
            SplitConfig split = data.splitConfig();
            TrainTest loaded = data.load();
            runData = RunData.drawn(loaded, split, TrainChecks.split(loaded.train(), split, config));
            dir = out != null ? out : Path.of("runs", data.dataset + "-" + config.method() + "-"
                    + split.noise().cliName() + (split.noiseRate() > 0 ? "" + split.noiseRate() : "")
                    + (split.imbalance() > 1 ? "-lt" + split.imbalance() : "") + "-seed" + data.seed);
        }
        Dl4jRun dl4j = dl4jModel == null ? null
                : Dl4jRun.read(dl4jModel, spec.commandLine().getParseResult(), runData, config);
        RunDirectory.Mode mode = resume ? RunDirectory.Mode.RESUME
                : overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.FRESH;
        RunMetrics m;
        if (spark.given()) {
            m = BackendPlugin.explainingExecutorFailures(() -> {
                try (SparkTraining workers = spark.start(backendOptions.executors(), config,
                        runData.splits())) {
                    return TrainRun.execute(config.method().toString(), runData, config, dir, mode, initV,
                            workers.methods(), null, backendOptions, err).metrics();
                }
            });
        } else {
            m = TrainRun.execute(config.method().toString(), runData, config, dir, mode, initV, Methods::create,
                    dl4j, backendOptions, err).metrics();
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        if (runData.hasTest() && "none".equals(m.selectionSet())) {
            outWriter.printf("final test accuracy %.2f%% (no trusted set to select an epoch on), %.1f ms/iter; run "
                    + "directory %s%n", m.finalTestAcc(), m.msPerIter(), dir);
        } else if (runData.hasTest()) {
            outWriter.printf("final test accuracy %.2f%%, selected (epoch %d on %s) %.2f%%, %.1f ms/iter; run directory %s%n",
                    m.finalTestAcc(), m.selectedEpoch(), m.selectionSet(), m.selectedTestAcc(), m.msPerIter(), dir);
        } else if ("none".equals(m.selectionSet())) {
            outWriter.printf("no test set (give --test to measure one) and no trusted set to select an epoch on: "
                    + "the last epoch's model, %.1f ms/iter; run directory %s%n", m.msPerIter(), dir);
        } else {
            EpochMetrics selected = m.epochs().get(m.selectedEpoch() - 1);
            outWriter.printf("no test set (give --test to measure one); selected epoch %d on %s (%.2f%% there), "
                    + "%.1f ms/iter; run directory %s%n", m.selectedEpoch(), m.selectionSet(), selected.selectionAcc(),
                    m.msPerIter(), dir);
        }
        outWriter.flush();
        return 0;
    }
}
