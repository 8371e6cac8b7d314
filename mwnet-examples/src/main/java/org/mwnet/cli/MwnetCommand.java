package org.mwnet.cli;

import picocli.CommandLine.Command;

/** The top-level {@code mwnet} command; its sub-commands do the work. */
@Command(name = "mwnet", mixinStandardHelpOptions = true, version = "mwnet 0.1.0",
        description = "Meta-Weight-Net: classifiers that stay accurate under label noise and class imbalance.",
        subcommands = {DemoCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class,
            SuspectsCommand.class, DataCommand.class, BenchCommand.class, BenchCompareCommand.class})
final class MwnetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
