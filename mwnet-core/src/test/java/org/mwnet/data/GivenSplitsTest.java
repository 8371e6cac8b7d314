package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.train.RunMetrics;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.Trainer;

/** Splits from the user's own training, trusted and test sets, and a run of the Trainer on them. */
class GivenSplitsTest {
    private static final Dataset TRUSTED = SyntheticImages.gaussian(40, 4, 1, 2, 5);
    private static final Dataset TRAIN = SyntheticImages.gaussian(100, 4, 1, 2, 6);

    @TempDir
    Path dir;

    /**
     * Two classes of 2-D points around (-2, -2) and (2, 2), in CSV with class names; a fraction of the rows carry
     * the other class's name.
     */
    private Path table(String name, int rows, double flipped, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        for (int i = 0; i < rows; i++) {
            int c = i % 2;
            double centre = c == 0 ? -2 : 2;
            int observed = rng.nextDouble() < flipped ? 1 - c : c;
            csv.append(centre + rng.nextGaussian() * 0.5).append(',').append(centre + rng.nextGaussian() * 0.5)
                    .append(',').append(observed == 0 ? "low" : "high").append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void givenSetsBecomeSplitsNumberedAsOnePoolWithoutOverlap() {
        Dataset validation = TRUSTED.subset(new int[] {0, 1, 2, 3});
        Splits s = GivenSplits.of(TRAIN, TRUSTED, validation);
        assertThat(s.train()).isSameAs(TRAIN);
        assertThat(s.meta()).isSameAs(TRUSTED);
        assertThat(s.trainIndices()).hasSize(100).startsWith(0, 1).endsWith(99);
        assertThat(s.metaIndices()).hasSize(40).startsWith(100).endsWith(139);
        assertThat(s.validationIndices()).containsExactly(140, 141, 142, 143);
        assertThat(s.metaTrainOverlap()).isZero();
    }

    @Test
    void carvingDrawsAClassBalancedSeededValidationSetFromTheTrustedSet() {
        Splits a = GivenSplits.carving(TRAIN, TRUSTED, 8, 1);
        assertThat(a.validation().classCounts()).containsExactly(2, 2, 2, 2);
        assertThat(a.meta().classCounts()).containsExactly(8, 8, 8, 8);
        assertThat(SampleValues.of(GivenSplits.carving(TRAIN, TRUSTED, 8, 1).validation()))
                .containsExactly(SampleValues.of(a.validation()));
        assertThat(SampleValues.of(GivenSplits.carving(TRAIN, TRUSTED, 8, 2).validation()))
                .isNotEqualTo(SampleValues.of(a.validation()));
        assertThatThrownBy(() -> GivenSplits.carving(TRAIN, TRUSTED, 6, 1))
                .hasMessage("validation size 6 must be a multiple of the 4 classes to be class-balanced");
        assertThatThrownBy(() -> GivenSplits.carving(TRAIN, TRUSTED, 40, 1))
                .hasMessage("class 0 has 10 trusted samples: too few for 10 validation samples per class and at "
                        + "least one meta sample");
    }

    @Test
    void refusesSetsOfDifferentShapesOrClassCountsNamingBoth() {
        Dataset wide = SyntheticImages.gaussian(40, 4, 1, 3, 5);
        assertThatThrownBy(() -> GivenSplits.of(TRAIN, wide, wide.subset(new int[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training set synthetic has samples of shape [1, 2, 2] but meta set synthetic has "
                        + "[1, 3, 3]; expected the same shape");
        Dataset fewer = SyntheticImages.gaussian(40, 3, 1, 2, 5);
        assertThatThrownBy(() -> GivenSplits.carving(TRAIN, fewer, 0, 1))
                .hasMessage("training set synthetic has 4 classes but trusted set synthetic has 3; expected the "
                        + "same classes");
    }

    @Test
    void refusesAClassThatOnlyOneSetHas() {
        LabelledData a = LabelledData.of(TRUSTED, List.of("a", "b", "c", "d"), ids(40));
        LabelledData b = LabelledData.of(TRUSTED, List.of("a", "b", "c", "e"), ids(40));
        assertThatThrownBy(() -> GivenSplits.requireSameClasses("training set", a, "trusted set", b))
                .hasMessage("class 'd' is in training set synthetic but not in trusted set synthetic; expected the "
                        + "same classes");
        assertThatThrownBy(() -> GivenSplits.requireSameClasses("training set", b, "trusted set", a))
                .hasMessage("class 'e' is in training set synthetic but not in trusted set synthetic; expected the "
                        + "same classes");
    }

    private static List<String> ids(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    @Test
    void trainerLearnsFromCsvFilesWithAGivenTrustedSet() throws IOException {
        CsvOptions kind = CsvOptions.label("kind");
        LabelledData train = Datasets.fromCsv(table("train.csv", 200, 0.3, 1), kind);
        LabelledData trusted = Datasets.fromCsv(table("trusted.csv", 48, 0, 2), kind);
        LabelledData test = Datasets.fromCsv(table("test.csv", 100, 0, 3), kind);
        GivenSplits.requireSameClasses("training set", train, "trusted set", trusted);
        Splits splits = GivenSplits.carving(train.data(), trusted.data(), 8, 1);
        TrainConfig config = TrainConfig.defaults().toBuilder().model("mlp").hidden(16).method("mwnet").epochs(2)
                .batch(20).lr(0.1).build();
        RunMetrics r = new Trainer(config).train(splits, test.data(), GivenSplits.summary(splits, test.data(), 1,
                InputSettings.ofFiles(InputSettings.CSV, train, Normalization.fit(train.data()))))
                .metrics();
        assertThat(r.selectionSet()).isEqualTo("validation");
        assertThat(r.dataset().trainSize()).isEqualTo(200);
        assertThat(r.dataset().metaSize()).isEqualTo(40);
        assertThat(r.dataset().noise()).isEqualTo("none");
        assertThat(r.epochs()).hasSize(2);
        assertThat(r.finalTestAcc()).as("two well-separated clusters despite 30% flipped labels").isGreaterThan(90);
        assertThat(r.weights()).as("V weighed every training sample").isNotNull();
    }
}
