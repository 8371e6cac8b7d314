package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwnet.nn.Dense;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Residual;

/**
 * Where each look-ahead choice splits the shipped classifiers, and the refusals. That the split look-ahead computes
 * the right meta-gradient is {@link GoldenReferenceTest}'s and {@link MetaGradientTest}'s to show.
 */
class LookAheadLayersTest {
    private static final Network MLP = Models.mlp(new long[] {1, 28, 28}, List.of(256, 256), 10);
    private static final Network LENET = Models.lenet(new long[] {1, 28, 28}, 10);
    private static final Network RESNET = Models.resnet32(new long[] {3, 32, 32}, 10, 16);

    private static int split(String choice, Network net) {
        return new LookAheadLayers(choice).firstMoving(net);
    }

    @Test
    void theMlpSplitsAboveItsHiddenLayers() {
        // flatten, fc1, relu, fc2, relu, fc3
        assertThat(split("all", MLP)).isZero();
        assertThat(split("last", MLP)).isEqualTo(5).isEqualTo(split("1", MLP));
        assertThat(split("2", MLP)).isEqualTo(3);
        assertThat(split("3", MLP)).as("every layer with parameters: the exact step").isZero();
        assertThat(MLP.from(5).params()).extracting(p -> p.name()).containsExactly("fc3.weight", "fc3.bias");
        assertThat(MLP.from(5).inputShape()).containsExactly(256);
    }

    @Test
    void leNetCountsItsConvolutionsAndDenseLayers() {
        // conv1 relu pool conv2 relu pool flatten fc1 relu fc2 relu fc3
        assertThat(split("last", LENET)).isEqualTo(11);
        assertThat(split("3", LENET)).isEqualTo(7);
        assertThat(split("4", LENET)).isEqualTo(3);
        assertThat(split("5", LENET)).isZero();
        assertThat(LENET.from(3).inputShape()).containsExactly(6, 12, 12);
    }

    @Test
    void resNetsLastStageStartsAtItsLastDownsamplingBlock() {
        int first = split("last-stage", RESNET);
        assertThat(RESNET.body().layers().get(first)).isInstanceOfSatisfying(Residual.class,
                r -> assertThat(r.changesShape()).isTrue());
        assertThat(RESNET.from(first).params()).extracting(p -> p.name())
                .allMatch(n -> n.startsWith("layer3.") || n.startsWith("linear."))
                .contains("layer3.0.conv1.weight", "layer3.4.bn2.running_var", "linear.weight");
        assertThat(RESNET.from(first).inputShape()).containsExactly(32, 16, 16);
        assertThat(split("6", RESNET)).as("five blocks and the final layer").isEqualTo(first);
        assertThat(RESNET.body().layers().get(split("last", RESNET))).isInstanceOf(Dense.class);
        assertThat(split("18", RESNET)).as("conv1, bn1, 15 blocks, linear").isZero();
    }

    @Test
    void choicesAModelDoesNotHaveAreRefusedNamingItsChoices() {
        assertThatThrownBy(() -> split("last-stage", MLP)).hasMessage("meta layers 'last-stage' do not fit mlp (it "
                + "has no residual stages); its choices are all, last, 1..3");
        assertThatThrownBy(() -> split("6", LENET)).hasMessage("meta layers '6' do not fit lenet (it has 5 top "
                + "layers with parameters); its choices are all, last, 1..5");
        assertThat(LookAheadLayers.choicesOf(RESNET)).isEqualTo("all, last, last-stage, 1..18");
        for (String bad : new String[] {"0", "-1", "", "first", "2.5", "1e3", "9999999", " last"}) {
            assertThatThrownBy(() -> new LookAheadLayers(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown meta layers '" + bad + "'; expected " + LookAheadLayers.CHOICES);
        }
        assertThat(LookAheadLayers.of(null)).isEqualTo(LookAheadLayers.ALL);
    }
}
