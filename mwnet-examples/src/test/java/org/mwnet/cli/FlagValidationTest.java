package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flag value a run cannot use is refused before any run directory exists: one line naming the flag, the value
 * and what was expected, exit code 2. The small dataset has 700 training images of 10 classes, so a meta set of 100
 * leaves 600 for training.
 */
class FlagValidationTest {
    @TempDir
    Path tmp;

    private CliRunner.Result train(Path data, Path out, String... flags) {
        List<String> args = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--hidden", "8",
                "--out", out.toString()));
        args.addAll(List.of(flags));
        if (!args.contains("--epochs")) {
            args.addAll(List.of("--epochs", "1"));
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void valuesARunCannotUseAreRefusedInOneLineBeforeAnythingIsCreated() throws Exception {
        Path data = CliRunner.smallData(tmp);
        int processors = Runtime.getRuntime().availableProcessors();
        String[][] cases = {
            // expected part of the message, then the flags
            {"--lr must be a finite number > 0, got Infinity", "--lr", "Infinity"},
            {"--lr must be a finite number > 0, got NaN", "--lr", "NaN"},
            {"--lr must be a finite number > 0, got 0.0", "--lr", "0"},
            {"--meta-lr must be a finite number > 0, got -1.0", "--meta-lr", "-1"},
            {"--lr-milestones 5,-1: epochs are counted from 0, got -1", "--epochs", "6", "--lr-milestones", "5,-1"},
            {"--lr-milestones 0,0: expected increasing epochs without repeats, got 0 after 0", "--epochs", "3",
                "--lr-milestones", "0,0"},
            {"--lr-milestones 2,1: expected increasing epochs without repeats, got 1 after 2", "--epochs", "3",
                "--lr-milestones", "2,1"},
            {"--lr-milestones 3: epoch 3 is not below --epochs 3 (epochs are counted from 0)", "--epochs", "3",
                "--lr-milestones", "3"},
            {"--lr-decay must be in (0, 1], got 0.0", "--lr-decay", "0"},
            {"--lr-decay must be in (0, 1], got 1.5", "--lr-decay", "1.5"},
            {"--finetune-lr-factor must be in (0, 1], got 2.0", "--finetune-lr-factor", "2"},
            {"--meta-size must be at least 0, got -10", "--meta-size", "-10"},
            {"--validation-size must be at least 0, got -10", "--validation-size", "-10"},
            {"--momentum must be in [0, 1), got 1.0", "--momentum", "1"},
            {"--weight-decay must be a finite number >= 0, got -0.1", "--weight-decay", "-0.1"},
            {"--meta-interval must be at least 1, got 0", "--meta-interval", "0"},
            {"--meta-interval must be at least 1, got -3", "--meta-interval", "-3"},
            {"unknown meta layers 'top'; expected all, last, last-stage (ResNet-32), or a number", "--meta-layers",
                "top"},
            {"meta layers 'last-stage' do not fit mlp (it has no residual stages); its choices are all, last, 1..3",
                "--meta-layers", "last-stage"},
            {"meta layers '4' do not fit mlp (it has 3 top layers with parameters); its choices are all, last, 1..3",
                "--meta-layers", "4"},
            {"meta layers 'last' need a method with a meta step (mwnet, cmwnet or l2rw); ce has none", "--method", "ce",
                "--meta-layers", "last"},
            {"--accumulate must be at least 1, got 0", "--accumulate", "0"},
            {"--batch 100 does not split into --accumulate 3 equal micro-batches; give a --batch divisible by 3",
                "--accumulate", "3"},
            {"--meta-batch 50 does not split into --accumulate 4 equal micro-batches; give a --meta-batch divisible by "
                + "4", "--meta-batch", "50", "--accumulate", "4"},
            {"--threads 1000: expected 1 to " + processors, "--threads", "1000"},
            {"--threads 0: expected 1 to " + processors, "--threads", "0"},
            {"--noise-rate must be in [0, 1], got 1.5", "--noise", "uniform", "--noise-rate", "1.5"},
            {"--noise uniform needs --noise-rate in (0, 1]", "--noise", "uniform", "--noise-rate", "0"},
            {"--noise-rate 0.3 needs --noise uniform, flip or pair", "--noise-rate", "0.3"},
            {"--imbalance must be a finite factor >= 1, got Infinity", "--imbalance", "Infinity"},
            // 60 training images per class; class c keeps 60 / 1e9^(c/9) = 60 * 10^-c of them: 6 of class 1, none
            // of class 2; a factor of at most 60 keeps one image of class 9
            {"--imbalance 1000000000 leaves class 2 without training samples; with 60 samples in the largest class, use at most --imbalance 60",
                "--imbalance", "1e9", "--meta-size", "100"},
            {"--batch 100000 is larger than the training set (600 samples)", "--batch", "100000", "--meta-size", "100"},
            {"meta batch 200 (--meta-batch, default --batch) is larger than the meta set (100 samples)", "--batch",
                "200", "--meta-size", "100"},
            {"meta batch 101 (--meta-batch, default --batch) is larger than the meta set (100 samples)",
                "--meta-batch", "101", "--meta-size", "100"},
            {"--meta-size 0: --method mwnet needs a meta set (its meta steps learn V on it)", "--meta-size", "0"},
            {"--meta-size 105, --validation-size 0: meta size 105 must be a multiple of the 10 classes",
                "--meta-size", "105"},
            {"--meta-size 700, --validation-size 0: class ", "--meta-size", "700"},
            {"--batch 60 is larger than the meta set that --method finetune trains on (50 samples)", "--method",
                "finetune", "--meta-size", "50", "--batch", "60", "--meta-batch", "10", "--validation-size", "10"},
            {"--resume and --overwrite exclude each other", "--resume", "--overwrite"},
            {"--precision must be float or double, got 'half'", "--precision", "half"},
            {"--method finetune trains on the meta set, so it cannot select on it: give it a validation split "
                + "(--validation-size > 0, a multiple of the class count)", "--method", "finetune"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("out");
            String[] flags = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRunner.Result r = train(data, out, flags);
            String what = String.join(" ", flags);
            assertOneLineError(r, "train").contains(c[0]);
            assertThat(r.out()).as(what).isEmpty();
            assertThat(out).as(what + ": no run directory").doesNotExist();
        }
    }

    @Test
    void theOtherCommandsNameTheFlagToo() throws Exception {
        Path data = CliRunner.smallData(tmp);
        String[][] cases = {
            // expected message, then the command
            {"--epochs must be at least 1, got 0", "demo", "--epochs", "0", "--data-dir", data.toString(),
                "--out", tmp.resolve("demo").toString()},
            {"--dataset bogus: unknown dataset; expected one of [fashion-mnist, mnist, cifar10, cifar100]",
                "eval", "--dataset", "bogus", tmp.resolve("checkpoint.zip").toString()},
        };
        for (String[] c : cases) {
            assertOneLineError(CliRunner.run(java.util.Arrays.copyOfRange(c, 1, c.length)), c[1], c[0]);
        }
        assertThat(tmp.resolve("demo")).doesNotExist();
    }

    @Test
    void dataRefusesWhatTrainRefusesWithTheSameMessage() throws Exception {
        Path data = CliRunner.smallData(tmp);
        String[][] cases = {
            {"--imbalance must be a finite factor >= 1, got Infinity", "--meta-size", "100", "--imbalance", "Infinity"},
            {"--noise-rate 0.3 needs --noise uniform, flip or pair", "--noise-rate", "0.3"},
            {"--imbalance 1000000000 leaves class 2 without training samples", "--meta-size", "100", "--imbalance", "1e9"},
            {"--meta-size must be at least 0, got -10", "--meta-size", "-10"},
        };
        for (String[] c : cases) {
            String[] flags = java.util.Arrays.copyOfRange(c, 1, c.length);
            List<String> dataArgs = new ArrayList<>(List.of("data", "--data-dir", data.toString()));
            dataArgs.addAll(List.of(flags));
            CliRunner.Result d = CliRunner.run(dataArgs.toArray(String[]::new));
            CliRunner.Result t = train(data, tmp.resolve("out"), flags);
            assertOneLineError(t, "train").contains(c[0]);
            assertOneLineError(d, "data").isEqualTo(t.err().strip().substring("mwnet train: ".length()));
            assertThat(d.out()).as(String.join(" ", flags)).isEmpty();
        }
    }

    @Test
    void valuesAtTheLimitsAreAccepted() throws Exception {
        Path data = CliRunner.smallData(tmp);
        // every label flipped, a batch of the whole training set, a meta batch of the whole meta set, every processor,
        // no momentum, the learning rate's decay at the first epoch
        CliRunner.Result r = train(data, tmp.resolve("limits"), "--method", "ce", "--noise", "flip", "--noise-rate",
                "1", "--meta-size", "100", "--batch", "600", "--meta-batch", "100", "--threads",
                "" + Runtime.getRuntime().availableProcessors(), "--momentum", "0", "--lr-milestones", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("final test accuracy");
    }
}
