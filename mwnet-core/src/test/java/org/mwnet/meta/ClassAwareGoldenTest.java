package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CMW-Net's class-aware V in mwnet's bilevel step, in DOUBLE, against an independent PyTorch implementation (one
 * sigmoid head per class family after a shared layer, each sample weighted by its observed label's family's head)
 * stored by {@code src/test/python/make_golden.py} as the mlp-classaware and lenet-classaware fixtures, at the
 * tolerances of {@link GoldenFixture}. The fixtures' families are the brute-force k-means of a long-tailed training
 * set's observed label counts, which pair-flipped noise has made differ from the clean labels' families. The faults
 * (a V picking the wrong heads, or families from the clean labels) must miss PyTorch's weights and meta-gradient by
 * far more than roundoff.
 */
class ClassAwareGoldenTest {
    /** A fault's least relative error in the weights and the heads' meta-gradient: 1e7 times the tolerance. */
    private static final double LARGE_MISMATCH = 1e-2;

    /** The class-aware fixtures and the classifiers they were made for. */
    static Stream<Arguments> fixtures() {
        return Stream.of(Arguments.of("mlp-classaware", "mlp"), Arguments.of("lenet-classaware", "lenet"));
    }

    /**
     * The stored families are what mwnet's exact k-means makes of the stored counts, and of the observed training
     * labels they count: so PyTorch's brute force and mwnet's dynamic programme agree, and a run would build this V.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void familiesAreTheKMeansOfTheObservedLabelCounts(String fixture, String model) {
        GoldenFixture f = GoldenFixture.load(fixture);
        ClassFamilies stored = storedFamilies(f);
        assertThat(ClassFamilies.ofCounts(f.integers("class_counts"), stored.count())).isEqualTo(stored);
        assertThat(ClassFamilies.ofLabels(f.integers("train_labels"), stored.numClasses(), stored.count()))
                .isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void metaStepMatchesPyTorch(String fixture, String model) {
        GoldenStep step = GoldenStep.load(fixture, model);
        step.assertMetaStepMatches(weightNet(storedFamilies(step.fixture())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void classifierUpdateGradientsMatchPyTorch(String fixture, String model) {
        GoldenStep step = GoldenStep.load(fixture, model);
        step.assertUpdateMatches(weightNet(storedFamilies(step.fixture())));
    }

    /**
     * A V whose samples take the wrong heads, with the families' numbers swapped (rarest and most frequent) or
     * shifted by one, misses PyTorch's step.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void wrongHeadsMissPyTorch(String fixture, String model) {
        GoldenStep step = GoldenStep.load(fixture, model);
        ClassFamilies stored = storedFamilies(step.fixture());
        int families = stored.count();
        assertLargeMismatch(step, renumbered(stored, f -> families - 1 - f), "rarest and most frequent swapped");
        assertLargeMismatch(step, renumbered(stored, f -> (f + 1) % families), "shifted by one");
    }

    /**
     * Families from the clean labels, which a run does not have, are not the observed labels' families on the
     * fixture's data, and the V built on them misses PyTorch's step.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void cleanLabelFamiliesMissPyTorch(String fixture, String model) {
        GoldenStep step = GoldenStep.load(fixture, model);
        ClassFamilies stored = storedFamilies(step.fixture());
        ClassFamilies clean = ClassFamilies.ofLabels(step.fixture().integers("train_clean_labels"),
                stored.numClasses(), stored.count());
        assertThat(clean).as("the clean labels' families").isNotEqualTo(stored);
        assertLargeMismatch(step, clean, "from the clean labels");
    }

    /**
     * Asserts that the golden comparison of the meta step fails with a V on the given (wrong) families, and that
     * its weights and its heads' meta-gradient miss PyTorch's by at least {@link #LARGE_MISMATCH} relative.
     */
    private static void assertLargeMismatch(GoldenStep step, ClassFamilies wrong, String fault) {
        WeightNet vnet = weightNet(wrong);
        GoldenFixture f = step.fixture();
        assertThatThrownBy(() -> step.assertMetaStepMatches(vnet)).as("families %s", fault)
                .isInstanceOf(AssertionError.class);
        MetaStepGraph.Result r = step.metaStep(vnet);
        assertThat(f.relativeError("weights", step.weights(r.coefficients()))).as("weights, families %s", fault)
                .isGreaterThan(LARGE_MISMATCH);
        INDArray heads = r.gradients().get("vnet.fc2.weight");
        assertThat(f.relativeError("meta_grad/vnet.fc2.weight", heads)).as("heads' meta-gradient, families %s", fault)
                .isGreaterThan(LARGE_MISMATCH);
    }

    /** The families the fixture was made with. */
    private static ClassFamilies storedFamilies(GoldenFixture f) {
        return new ClassFamilies(Arrays.stream(f.integers("family_of_class")).boxed().toList(),
                (int) f.scalar("family_count"));
    }

    /**
     * The same classes grouped alike, family f numbered {@code renumber(f)}: the samples of renumbered families get
     * another family's head.
     */
    private static ClassFamilies renumbered(ClassFamilies families, IntUnaryOperator renumber) {
        return new ClassFamilies(families.familyOfClass().stream().map(renumber::applyAsInt).toList(),
                families.count());
    }

    /** CMW-Net's V of the paper's width on the given families. */
    private static WeightNet weightNet(ClassFamilies families) {
        return new WeightNet(WeightNet.DEFAULT_HIDDEN, families);
    }
}
