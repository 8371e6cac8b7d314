package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.mwnet.eval.EpochMetrics;

/** The check that a run which crashes after epoch 2 and resumes from its checkpoint ends as an uninterrupted one. */
final class ResumeAfterCrash {
    private ResumeAfterCrash() {
    }

    /**
     * Asserts the same parameters, the same final checkpoint arrays and the same meta losses, bit for bit.
     *
     * @param config a configuration of at least 3 epochs
     * @param data the run's data
     * @param dir a scratch folder for the two checkpoints
     */
    static void assertEndsAsUninterrupted(TrainConfig config, FashionSlice data, Path dir) throws Exception {
        Path wholeFile = dir.resolve("whole.zip");
        TrainedModel whole = new Trainer(config).withCheckpoint(wholeFile, false)
                .train(data.splits, data.test, data.summary);
        Path ckpt = dir.resolve("resumed.zip");
        Trainer crashing = new Trainer(config).withCheckpoint(ckpt, true).withListener(new CrashAfterEpoch(2));
        assertThatThrownBy(() -> crashing.train(data.splits, data.test, data.summary))
                .hasMessage(CrashAfterEpoch.MESSAGE);
        assertThat(Checkpoint.read(ckpt).epochs()).as("crashed after writing epoch 2").isEqualTo(2);
        TrainedModel resumed = new Trainer(config).withCheckpoint(ckpt, true)
                .train(data.splits, data.test, data.summary);
        Identical.assertIdentical(whole.classifier().asMap(), resumed.classifier().asMap());
        Identical.assertIdentical(whole.theta().asMap(), resumed.theta().asMap());
        Identical.assertIdentical(ArrayArchive.read(wholeFile, "checkpoint").arrays(),
                ArrayArchive.read(ckpt, "checkpoint").arrays());
        assertThat(resumed.metrics().epochs()).extracting(EpochMetrics::metaLoss)
                .containsExactlyElementsOf(whole.metrics().epochs().stream().map(EpochMetrics::metaLoss).toList());
    }
}
