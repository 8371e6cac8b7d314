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
import org.mwnet.run.RunData;
import org.mwnet.run.RunDirectory;
import org.mwnet.train.Method;
import org.mwnet.train.Methods;
import org.mwnet.train.RunMetrics;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mwnet demo}, the main job: Fashion-MNIST with 40% uniform label noise, plain cross-entropy against
 * Meta-Weight-Net on the MLP 784-256-256-10, exact and with its meta step every 5 iterations (the cheapest setting
 * that kept its accuracy on every protocol of the README's "Time to accuracy"), a side-by-side table, and every
 * run's plots.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fashion-MNIST, 40%% uniform noise: ce against mwnet (exact, and with its meta step every 5 "
                + "iterations) on the MLP, side by side (a few minutes).")
final class DemoCommand implements Callable<Integer> {
    /**
     * One run of the demo.
     *
     * @param name its row in the table and its directory under {@code --out}
     * @param method the training method
     * @param metaInterval the meta step every k iterations
     */
    private record Row(String name, Method method, int metaInterval) {
    }

    /** The runs, side by side. */
    private static final List<Row> ROWS = List.of(new Row("ce", Method.CE, 1), new Row("mwnet", Method.MWNET, 1),
            new Row("mwnet-k5", Method.MWNET, 5));

    @Option(names = "--epochs",
            description = "Epochs per run; the default is the README's accuracy protocol (default: ${DEFAULT-VALUE}).")
    int epochs = TrainConfig.defaults().epochs();

    @Option(names = "--out", defaultValue = "runs/demo", description = "Parent of the run directories (default: ${DEFAULT-VALUE}).")
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
        List<TrainConfig> configs = ROWS.stream().map(row -> Flags.naming(() -> new TrainConfig.Builder()
                .method(row.method()).metaInterval(row.metaInterval()).epochs(epochs).seed(seed).build())).toList();
        backendOptions.checkThreads();
        TrainRun.requireNamed(out);
        RunDirectory.Mode mode = overwrite ? RunDirectory.Mode.OVERWRITE : RunDirectory.Mode.FRESH;
        for (Row row : ROWS) {
            // fails now as the run would, so the demo stops before its first run trains
            TrainRun.open(out.resolve(row.name()), mode).close();
        }
        SplitConfig split = SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withSeed(seed);
        TrainTest data = Datasets.load("fashion-mnist", DataLocator.standard(dataDir));
        var err = spec.commandLine().getErr();
        List<RunMetrics> results = new ArrayList<>();
        for (int i = 0; i < ROWS.size(); i++) {
            Row row = ROWS.get(i);
            TrainConfig config = configs.get(i);
            RunData drawn = RunData.drawn(data, split, TrainChecks.split(data.train(), split, config));
            results.add(TrainRun.execute(row.name(), drawn, config, out.resolve(row.name()), mode, null,
                    Methods::create, null, backendOptions, err).metrics());
        }
        var o = spec.commandLine().getOut();
        o.printf("%nFashion-MNIST, 40%% uniform label noise (%.1f%% of training labels wrong), MLP 784-256-256-10, %d epochs%n",
                100 * results.get(0).dataset().noisyFraction(), epochs);
        o.printf("%-10s %12s %15s %10s %12s %14s%n", "run", "final test %", "selected test %", "ms/iter",
                "weight AUC", "weights c / x");
        for (int i = 0; i < ROWS.size(); i++) {
            RunMetrics m = results.get(i);
            boolean w = m.weights() != null;
            o.printf("%-10s %12.2f %15.2f %10.1f %12s %14s%n", ROWS.get(i).name(), m.finalTestAcc(), m.selectedTestAcc(),
                    m.msPerIter(), w ? String.format("%.3f", m.weights().auc()) : "-",
                    w ? String.format("%.2g / %.2g", m.weights().meanWeightClean(), m.weights().meanWeightCorrupted()) : "-");
        }
        o.printf("mwnet-k5 takes the meta step every 5 iterations (train --meta-interval 5)%n");
        o.printf("plots and metrics: %s/{ce,mwnet,mwnet-k5}/ (curves.png, weight-function.png, metrics.json)%n", out);
        o.flush();
        return 0;
    }
}
