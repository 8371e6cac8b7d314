package org.mwnet.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.train.StepStats;
import org.mwnet.train.TrainingListener;

/**
 * Shows a run's progress: on a terminal a progress bar per epoch (loss, time left), and always one line per
 * finished epoch.
 */
final class ProgressListener implements TrainingListener {
    /**
     * Set to 1 by the {@code mwnet} launcher when standard error is a terminal: Java can only ask whether standard
     * input and output are ({@code System.console()}), and a bar's redraws must not end up in a log of stderr.
     */
    static final String STDERR_TTY = "MWNET_STDERR_TTY";

    private final String label;
    private final int totalEpochs;
    private final boolean bar;
    private final PrintWriter err;
    private final Runnable started;
    private ProgressBar progress;
    private double lossSum;
    private int count;

    /**
     * @param label run name shown before each line
     * @param totalEpochs epochs of the run
     * @param bar whether to draw progress bars (a terminal is attached)
     * @param err where lines go
     * @param started what to do once the run's inputs are checked, before it trains (the command reports its
     *     backend)
     */
    ProgressListener(String label, int totalEpochs, boolean bar, PrintWriter err, Runnable started) {
        this.label = label;
        this.totalEpochs = totalEpochs;
        this.bar = bar;
        this.err = err;
        this.started = started;
    }

    /**
     * @param env the process environment
     * @return whether to draw progress bars: only when the launcher says standard error is a terminal
     */
    static boolean barOnStderr(java.util.Map<String, String> env) {
        return "1".equals(env.get(STDERR_TTY));
    }

    @Override
    public void onStart() {
        started.run();
    }

    @Override
    public void onEpochStart(int epoch, int iterations) {
        lossSum = 0;
        count = 0;
        if (bar) {
            progress = new ProgressBarBuilder().setTaskName(label + " " + (epoch + 1) + "/" + totalEpochs)
                    .setInitialMax(iterations).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public void onIteration(int epoch, int iteration, StepStats stats) {
        lossSum += stats.trainLoss();
        count++;
        if (progress != null) {
            progress.step();
            progress.setExtraMessage(String.format(" loss %.3f", lossSum / count));
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (progress != null) {
            progress.close();
            progress = null;
        }
        err.printf("%s epoch %d/%d  lr %.4g  train loss %.4f%s%s%s  %.1f s (%.1f ms/iter)%n",
                label, m.epoch(), totalEpochs, m.lr(), m.trainLoss(),
                m.metaLoss() == null ? "" : String.format("  meta loss %.4f", m.metaLoss()),
                m.selectionAcc() == null ? "" : String.format("  selection acc %.2f%%", m.selectionAcc()),
                m.testAcc() == null ? "" : String.format("  test acc %.2f%%", m.testAcc()), m.seconds(), m.msPerIter());
        err.flush();
    }
}
