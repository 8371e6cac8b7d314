package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads the real Fashion-MNIST installed by Debian's dataset-fashion-mnist (.ci/run installs it). */
class FashionMnistTest {
    @Test
    void debianPackageHoldsTheFullDataset() throws Exception {
        DataLocator locator = new DataLocator(null, null, Path.of("/nonexistent-cache"), new Downloader());
        Path dir = locator.locateIdx(IdxSource.FASHION_MNIST);
        assertThat(dir).isEqualTo(IdxSource.FASHION_MNIST.systemDir());
        TrainTest tt = IdxFiles.load(dir, IdxSource.FASHION_MNIST);
        assertThat(tt.train().size()).isEqualTo(60_000);
        assertThat(tt.test().size()).isEqualTo(10_000);
        assertThat(tt.train().numClasses()).isEqualTo(10);
        assertThat(tt.train().classCounts()).containsOnly(6000);
        assertThat(tt.test().classCounts()).containsOnly(1000);
        assertThat(tt.train().imageShape()).containsExactly(1, 28, 28);
    }
}
