package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mwnet.data.SettingException;
import org.mwnet.io.Json;

/** The configuration's learning rates per epoch and its defaults, against values worked out by hand. */
class TrainConfigTest {
    private static double[] rates(TrainConfig c) {
        return IntStream.range(0, c.totalEpochs()).mapToDouble(c::learningRate).toArray();
    }

    @Test
    void lrDecayScalesThePapersTwoMilestones() {
        // 6 epochs: milestones at round(6 * 2/3) = 4 and round(6 * 5/6) = 5
        TrainConfig c = new TrainConfig.Builder().lr(0.1).epochs(6).lrDecay(0.5).build();
        assertThat(rates(c)).containsExactly(new double[] {0.1, 0.1, 0.1, 0.1, 0.05, 0.025}, offset(1e-15));
    }

    @Test
    void lrDecayScalesGivenMilestones() {
        TrainConfig c = new TrainConfig.Builder().lr(1).epochs(4).lrDecay(0.2).lrMilestones(List.of(1, 3)).build();
        assertThat(rates(c)).containsExactly(new double[] {1, 0.2, 0.2, 0.04}, offset(1e-15));
    }

    @Test
    void fineTuningRunsAtItsFactorOfTheLearningRate() {
        TrainConfig c = new TrainConfig.Builder().method("finetune").lr(0.1).epochs(3).finetuneEpochs(2).build();
        // 3 epochs: milestones at 2 and 3 (round(2.5)); then two fine-tuning epochs at 0.01 x 0.1
        assertThat(rates(c)).containsExactly(new double[] {0.1, 0.1, 0.01, 0.001, 0.001}, offset(1e-15));
        assertThat(c.isFinetuning(2)).isFalse();
        assertThat(c.isFinetuning(3)).isTrue();
        TrainConfig half = c.toBuilder().finetuneLrFactor(0.5).build();
        assertThat(half.learningRate(4)).isCloseTo(0.05, offset(1e-15));
    }

    @Test
    void widthAndMetaBatchDefaultFromTheModelAndTheBatch() {
        assertThat(new TrainConfig.Builder().model("resnet32").build().hidden()).isEqualTo(16);
        assertThat(new TrainConfig.Builder().model("mlp").build().hidden()).isEqualTo(256);
        assertThat(new TrainConfig.Builder().model("resnet32").hidden(8).build().hidden()).isEqualTo(8);
        assertThat(new TrainConfig.Builder().batch(64).build().metaBatch()).isEqualTo(64);
        assertThat(new TrainConfig.Builder().batch(64).metaBatch(10).build().metaBatch()).isEqualTo(10);
    }

    @Test
    void aCopiedDefaultWidthAndMetaBatchFollowTheNewModelAndBatch() {
        TrainConfig d = TrainConfig.defaults();
        assertThat(d.toBuilder().model("resnet32").build().hidden()).as("ResNet's default width").isEqualTo(16);
        assertThat(d.toBuilder().batch(50).build().metaBatch()).as("the new batch size").isEqualTo(50);
        TrainConfig narrow = d.toBuilder().model("resnet32").build();
        assertThat(narrow.toBuilder().model("mlp").build().hidden()).as("back to the MLP's default").isEqualTo(256);
    }

    @Test
    void aCopiedExplicitWidthAndMetaBatchStay() {
        TrainConfig c = new TrainConfig.Builder().hidden(32).batch(64).metaBatch(10).build();
        TrainConfig copy = c.toBuilder().model("lenet").batch(50).build();
        assertThat(copy.hidden()).isEqualTo(32);
        assertThat(copy.metaBatch()).isEqualTo(10);
        assertThat(c.toBuilder().build()).as("an unchanged copy").isEqualTo(c);
    }

    @Test
    void ratesOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new TrainConfig.Builder().lrDecay(0).build()).hasMessageContaining("decay");
        assertThatThrownBy(() -> new TrainConfig.Builder().lrDecay(1.5).build()).hasMessageContaining("decay");
        assertThatThrownBy(() -> new TrainConfig.Builder().finetuneLrFactor(0).build())
                .hasMessageContaining("fine-tuning learning-rate factor");
        assertThatThrownBy(() -> new TrainConfig.Builder().lr(Double.POSITIVE_INFINITY).build())
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new TrainConfig.Builder().lr(Double.NaN).build()).hasMessageContaining("finite");
    }

    @Test
    void everySettingALibraryUserCanGiveIsCheckedNamingItsField() {
        assertSetting(() -> new TrainConfig.Builder().momentum(5), "momentum", "momentum must be in [0, 1), got 5.0");
        assertSetting(() -> new TrainConfig.Builder().epochs(3).lrMilestones(List.of(-1)), "lrMilestones",
                "learning-rate milestones -1: epochs are counted from 0, got -1");
        assertSetting(() -> new TrainConfig.Builder().epochs(3).lrMilestones(List.of(2, 1)), "lrMilestones",
                "learning-rate milestones 2,1: expected increasing epochs without repeats, got 1 after 2");
        assertSetting(() -> new TrainConfig.Builder().epochs(3).lrMilestones(List.of(3)), "lrMilestones",
                "learning-rate milestones 3: epoch 3 is not below epochs 3 (epochs are counted from 0), so the "
                        + "learning rate would never decay there");
        assertSetting(() -> new TrainConfig.Builder().weightDecay(-0.1), "weightDecay",
                "weight decay must be a finite number >= 0, got -0.1");
        assertSetting(() -> new TrainConfig.Builder().metaWeightDecay(Double.NaN), "metaWeightDecay",
                "meta weight decay must be a finite number >= 0, got NaN");
        assertSetting(() -> new TrainConfig.Builder().focalGamma(-1), "focalGamma",
                "focal gamma must be a finite number >= 0, got -1.0");
        assertSetting(() -> new TrainConfig.Builder().metaLr(0), "metaLr",
                "meta learning rate must be a finite number > 0, got 0.0");
        assertSetting(() -> new TrainConfig.Builder().finetuneEpochs(-2), "finetuneEpochs",
                "finetune epochs must be at least 0, got -2");
        assertSetting(() -> new TrainConfig.Builder().precision("half"), "precision",
                "precision must be float or double, got 'half'");
        TrainConfig finetune = new TrainConfig.Builder().method("finetune").build();
        assertThat(finetune.requireSelectionSplit(20)).isSameAs(finetune);
        assertThatThrownBy(() -> finetune.requireSelectionSplit(0)).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.field()).isEqualTo("method")).hasMessage("method finetune trains on the meta set, "
                        + "so it cannot select on it: give it a validation split (validation size > 0, a multiple of "
                        + "the class count)");
    }

    private static void assertSetting(java.util.function.Supplier<TrainConfig.Builder> settings, String field,
                                      String message) {
        assertThatThrownBy(() -> settings.get().build()).isInstanceOfSatisfying(SettingException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }

    @Test
    void lookAheadLayersAreCheckedAgainstTheModelAndTheMethod() {
        assertThat(TrainConfig.defaults().metaLayers()).isEqualTo("all");
        assertThat(new TrainConfig.Builder().model("resnet32").metaLayers("last-stage").build().lookAhead())
                .isEqualTo(new org.mwnet.meta.LookAheadLayers("last-stage"));
        assertThat(new TrainConfig.Builder().method("l2rw").metaLayers("last").build().metaLayers()).isEqualTo("last");
        assertThatThrownBy(() -> new TrainConfig.Builder().metaLayers("last-stage").build())
                .hasMessageContaining("do not fit mlp");
        assertThatThrownBy(() -> new TrainConfig.Builder().model("lenet").metaLayers("6").build())
                .hasMessageContaining("its choices are all, last, 1..5");
        for (String method : new String[] {"ce", "focal", "finetune"}) {
            assertThatThrownBy(() -> new TrainConfig.Builder().method(method).metaLayers("last").build())
                    .hasMessage("meta layers 'last' need a method with a meta step (mwnet, cmwnet or l2rw); " + method
                            + " has none");
        }
    }

    @Test
    void aConfigurationWrittenBeforeLookAheadLayersReadsAsTheExactStep() throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(TrainConfig.defaults());
        json.remove("meta_layers");
        TrainConfig old = Json.MAPPER.treeToValue(json, TrainConfig.class);
        assertThat(old).isEqualTo(TrainConfig.defaults());
        assertThat(old.lookAhead().isAll()).isTrue();
    }
}
