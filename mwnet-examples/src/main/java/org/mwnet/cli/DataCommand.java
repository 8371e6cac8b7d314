package org.mwnet.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.SplitConfig;
import org.mwnet.data.Splits;
import org.mwnet.data.TrainTest;
import org.mwnet.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mwnet data}: loads a dataset, draws the splits and noise, and prints their summary. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Load a dataset, draw the meta/validation/training splits and the label noise, print a summary.")
final class DataCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SplitConfig config = data.splitConfig();
        TrainTest tt = data.load();
        Splits splits = TrainChecks.splitData(tt.train(), config);
        DatasetSummary s = DatasetSummary.of(splits, tt.test(), config, tt.input());
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(s));
        } else {
            out.printf("dataset            %s (%d classes)%n", s.dataset(), s.numClasses());
            out.printf("train / meta / val %d / %d / %d%n", s.trainSize(), s.metaSize(), s.validationSize());
            out.printf("test               %d%n", s.testSize());
            out.printf("noise              %s %.2f (%.1f%% of training labels wrong)%n", s.noise(), s.noiseRate(),
                    100 * s.noisyFraction());
            out.printf("imbalance          %.1f%n", s.imbalance());
            out.printf("per-class counts   %s%n", Arrays.toString(s.perClassCounts()));
            out.printf("meta-train overlap %d%n", s.metaTrainOverlap());
        }
        out.flush();
        return 0;
    }
}
