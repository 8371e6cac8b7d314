package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mwnet.meta.ClassifierStepGraph;
import org.mwnet.meta.GoldenFixture;
import org.mwnet.meta.WeightNet;
import org.mwnet.meta.Weightings;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The classifier update's BatchNorm running statistics against PyTorch's (momentum 0.1, the running variance
 * averaging the unbiased batch variance), from the golden ResNet-32 fixture of
 * {@code src/test/python/make_golden.py}: the fixture's running buffers are generic values, so both the old
 * buffers' share and the batch statistics' share must be right. Tolerances: {@link GoldenFixture}.
 */
class GoldenUpdateTest {
    @Test
    void batchNormRunningStatisticsMatchPyTorchAfterOneUpdate() {
        GoldenFixture f = GoldenFixture.load("resnet32");
        Network net = Models.resnet32(new long[] {3, 32, 32}, 10, 16);
        WeightNet vnet = new WeightNet(WeightNet.DEFAULT_HIDDEN);
        TrainConfig config = TrainConfig.defaults().toBuilder().model("resnet32").batch(2).precision("double")
                .build();
        Parameters theta = f.theta(vnet);
        TrainingState state = TrainingState.initial(config, net, theta, 2, DataType.DOUBLE);
        f.parameters("w/", state.classifier());

        ClassifierStepGraph.Result r = new ClassifierStepGraph(net, Weightings.learned(vnet, false), 2,
                DataType.DOUBLE).run(state.classifier(), theta, f.get("images"), f.get("labels"));
        ClassifierUpdate.apply(state, r.gradients(), r.batchStatistics(), f.scalar("lr"));

        int buffers = 0;
        for (String name : state.classifier().names()) {
            if (name.endsWith(".running_mean") || name.endsWith(".running_var")) {
                f.assertMatches("running", name, state.classifier().get(name));
                buffers++;
            }
        }
        assertThat(buffers).as("BatchNorm buffers of ResNet-32").isEqualTo(2 * 31);
    }
}
