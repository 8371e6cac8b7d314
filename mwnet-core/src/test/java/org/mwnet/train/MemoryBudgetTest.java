package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.mwnet.natives.ProcessMemory;
import org.mwnet.nn.Models;
import org.mwnet.nn.Network;
import org.nd4j.linalg.api.buffer.DataType;

/** The memory estimate of a step, and the one-line refusal of a step that cannot fit. */
class MemoryBudgetTest {
    private static final Network RESNET = Models.resnet32(new long[] {3, 32, 32}, 10, 16);

    @Test
    void estimateFollowsTheMeasuredResnetCost() {
        // measured: a float MW-Net iteration of the paper's ResNet-32 at batch 100 peaked at about 4 GB, of which
        // about 0.6 GB is the process's base: some 34 MB per sample
        double perSampleMb = MemoryBudget.stepBytes(RESNET, 100, true, DataType.FLOAT) / 100 / 1e6;
        assertThat(perSampleMb).isBetween(30.0, 40.0);
        assertThat(MemoryBudget.stepBytes(RESNET, 200, true, DataType.FLOAT))
                .isEqualTo(2 * MemoryBudget.stepBytes(RESNET, 100, true, DataType.FLOAT));
        assertThat(MemoryBudget.stepBytes(RESNET, 100, true, DataType.DOUBLE))
                .isEqualTo(2 * MemoryBudget.stepBytes(RESNET, 100, true, DataType.FLOAT));
        assertThat(MemoryBudget.stepBytes(RESNET, 100, false, DataType.FLOAT))
                .isLessThan(MemoryBudget.stepBytes(RESNET, 100, true, DataType.FLOAT));
    }

    @Test
    void aStepThatCannotFitIsRefusedWithABatchThatFits() {
        assumeTrue(ProcessMemory.availableBytes().isPresent(), "needs /proc/meminfo");
        long available = ProcessMemory.availableBytes().getAsLong();
        int hopeless = (int) Math.min(Integer.MAX_VALUE, 4 * available / (40L << 20));
        assertThatThrownBy(() -> MemoryBudget.check(RESNET, hopeless, true, DataType.FLOAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet32 at batch " + hopeless)
                .hasMessageContaining("a batch of at most")
                .hasMessageContaining("fits");
        MemoryBudget.check(RESNET, 2, true, DataType.FLOAT);
    }
}
