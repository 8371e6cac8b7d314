package org.mwnet.train;

import java.io.IOException;
import org.mwnet.data.NoiseType;
import org.mwnet.data.SplitConfig;

/**
 * The tiny runs the training tests share, defined once so that they stay the same runs (and the tests' numbers the
 * same numbers): an MLP of width 32 trained for three epochs of batches of 50 on a {@link FashionSlice} of 1500
 * training images and 500 test images, 40% of the training labels replaced at random, a meta set of 200 (so 1300
 * training samples, {@value #ITERATIONS_PER_EPOCH} iterations an epoch).
 */
final class TinyRuns {
    /** 1300 training samples at batch 50. */
    static final int ITERATIONS_PER_EPOCH = 26;

    private TinyRuns() {
    }

    /** @return the tiny slices' splits: 40% uniform label noise, a meta set of 200 */
    static SplitConfig splits() {
        return SplitConfig.defaults().withNoise(NoiseType.UNIFORM, 0.4).withMetaSize(200);
    }

    /** @return the tiny slice: 1500 training images ({@link #splits}) and 500 test images */
    static FashionSlice data() throws IOException {
        return FashionSlice.of(1500, 500, splits());
    }

    /** @return the tiny slice with 100 of its meta set held out for validation (which method finetune needs) */
    static FashionSlice validated() throws IOException {
        return FashionSlice.of(1500, 500, splits().withValidationSize(100));
    }

    /**
     * @param method the training method
     * @return the tiny run's configuration: MLP width 32, 3 epochs, batch 50, learning rate 0.03, and one epoch of
     *     fine-tuning for method finetune
     */
    static TrainConfig.Builder tinyConfig(String method) {
        return TrainConfig.defaults().toBuilder().method(method).hidden(32).epochs(3).batch(50).lr(0.03)
                .finetuneEpochs(1);
    }
}
