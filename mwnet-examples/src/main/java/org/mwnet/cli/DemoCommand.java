package org.mwnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Datasets;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.TrainTest;
import org.mwnet.eval.RunMetrics;
import org.mwnet.train.Methods;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mwnet demo}, the main job: Fashion-MNIST with 40% uniform label noise, plain cross-entropy against
 * Meta-Weight-Net on the MLP 784-256-256-10, a side-by-side table, and both runs' plots.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fashion-MNIST, 40%% uniform noise: ce against mwnet on the MLP, side by side (a few minutes).")
final class DemoCommand implements Callable<Integer> {
    /** The two runs, side by side. */
    private static final List<String> METHODS = List.of("ce", "mwnet");

    @Option(names = "--epochs",
            description = "Epochs per run; the default is the README's accuracy protocol (default: ${DEFAULT-VALUE}).")
    int epochs = TrainConfig.defaults().epochs();

    @Option(names = "--out", defaultValue = "runs/demo", description = "Parent of the two run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the files of a previous demo in --out.")
    boolean overwrite;

    @Option(names = "--data-dir", description = "Directory holding Fashion-MNIST.")
    Path dataDir;

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = SplitConfig.defaults().seed();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainChecks.atLeastOne("--epochs", epochs);
        backendOptions.checkThreads();
        RunDirectory.requireNamed(out);
        RunDirectory.Mode mode = overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.FRESH;
        for (String method : METHODS) {
            RunDirectory.check(out.resolve(method), mode);
        }
        SplitConfig split = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withSeed(seed);
        TrainTest data = Datasets.load("fashion-mnist", DataLocator.standard(dataDir));
        var err = spec.commandLine().getErr();
        List<RunMetrics> results = new ArrayList<>();
        for (String method : METHODS) {
            TrainConfig config = new TrainConfig.Builder().method(method).epochs(epochs).seed(seed).build();
            results.add(TrainRun.execute(method, RunData.drawn(data, split, config), config, out.resolve(method), mode, null,
                    Methods::create, backendOptions, err).metrics());
        }
        var o = spec.commandLine().getOut();
        o.printf("%nFashion-MNIST, 40%% uniform label noise (%.1f%% of training labels wrong), MLP 784-256-256-10, %d epochs%n",
                100 * results.get(0).dataset().noisyFraction(), epochs);
        o.printf("%-8s %12s %15s %10s %12s %14s%n", "method", "final test %", "selected test %", "ms/iter",
                "weight AUC", "weights c / x");
        for (RunMetrics m : results) {
            boolean w = m.weights() != null;
            o.printf("%-8s %12.2f %15.2f %10.1f %12s %14s%n", m.config().method(), m.finalTestAcc(), m.selectedTestAcc(),
                    m.msPerIter(), w ? String.format("%.3f", m.weights().auc()) : "-",
                    w ? String.format("%.2g / %.2g", m.weights().meanWeightClean(), m.weights().meanWeightCorrupted()) : "-");
        }
        o.printf("plots and metrics: %s/{ce,mwnet}/ (curves.png, weight-function.png, metrics.json)%n", out);
        o.flush();
        return 0;
    }
}
