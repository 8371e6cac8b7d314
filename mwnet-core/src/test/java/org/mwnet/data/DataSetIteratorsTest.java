package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** DataSetIterators built here read back exactly, and every malformed batch refused with one line. */
class DataSetIteratorsTest {
    /** @return one-hot rows of width k for the given classes */
    private static INDArray oneHot(int k, int... classes) {
        float[][] rows = new float[classes.length][k];
        for (int i = 0; i < classes.length; i++) {
            rows[i][classes[i]] = 1;
        }
        return Nd4j.createFromArray(rows);
    }

    private static INDArray range(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return Nd4j.arange(n).castTo(DataType.FLOAT).div(n).reshape(shape);
    }

    private static float[] values(INDArray a) {
        return a.reshape(a.length()).toFloatVector();
    }

    @Test
    void readsTabularBatchesOfAViewIteratorFromItsStartEvenWhenPartlyRead() {
        INDArray x = range(5, 3);
        DataSetIterator it = new ViewIterator(new DataSet(x, oneHot(3, 2, 0, 1, 1, 2)), 2);
        it.next();
        LabelledData d = Datasets.fromIterator(it, "train");
        assertThat(d.data().name()).isEqualTo("train");
        assertThat(d.data().imageShape()).containsExactly(1, 1, 3);
        assertThat(SampleValues.of(d.data())).containsExactly(values(x));
        assertThat(d.data().labels()).containsExactly(2, 0, 1, 1, 2);
        assertThat(d.data().cleanLabels()).containsExactly(2, 0, 1, 1, 2);
        assertThat(d.classes()).containsExactly("0", "1", "2");
        assertThat(d.ids()).containsExactly("0", "1", "2", "3", "4");
        assertThat(d.skipped()).isEmpty();
    }

    @Test
    void readsNchwImagesOfAnyFloatTypeWithTheIteratorsClassNames() {
        INDArray x = range(3, 2, 2, 3).castTo(DataType.DOUBLE);
        GivenBatches it = new GivenBatches(List.of("cat", "dog"), true,
                new DataSet(x.get(NDArrayIndex.interval(0, 2)), oneHot(2, 1, 0)),
                new DataSet(x.get(NDArrayIndex.interval(2, 3)), oneHot(2, 1)));
        LabelledData d = Datasets.fromIterator(it, "pets");
        assertThat(d.data().imageShape()).containsExactly(2, 2, 3);
        assertThat(SampleValues.of(d.data())).containsExactly(values(x.castTo(DataType.FLOAT)));
        assertThat(d.data().labels()).containsExactly(1, 0, 1);
        assertThat(d.classes()).containsExactly("cat", "dog");
    }

    @Test
    void readsAnIteratorThatCannotResetFromWhereItStands() {
        GivenBatches it = new GivenBatches(null, false, new DataSet(range(1, 2), oneHot(2, 0)),
                new DataSet(range(2, 2), oneHot(2, 1, 1)));
        it.next();
        LabelledData d = Datasets.fromIterator(it, "rest");
        assertThat(d.data().size()).isEqualTo(2);
        assertThat(d.data().labels()).containsExactly(1, 1);
        assertThatThrownBy(() -> Datasets.fromIterator(it, "rest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iterator rest yields no samples; expected at least one (it cannot reset: pass it before "
                        + "anything reads from it)");
    }

    @Test
    void refusesBatchesWhoseSampleShapeOrLabelWidthDiffersFromTheFirst() {
        DataSet first = new DataSet(range(2, 3), oneHot(3, 0, 1));
        assertThatThrownBy(() -> Datasets.fromIterator(new GivenBatches(null, true, first,
                new DataSet(range(2, 4), oneHot(3, 0, 1))), "t"))
                .hasMessage("iterator t: batch 2 has samples of shape [1, 1, 4]; expected [1, 1, 3] as in batch 1");
        assertThatThrownBy(() -> Datasets.fromIterator(new GivenBatches(null, true, first,
                new DataSet(range(2, 3), oneHot(4, 0, 3))), "t"))
                .hasMessage("iterator t: batch 2 has labels of 4 columns; expected 3 as in batch 1");
    }

    @Test
    void refusesFeaturesOfAnotherRankAndLabelsThatAreNotOneHotColumns() {
        assertThatThrownBy(() -> read(new DataSet(range(2, 3, 5), oneHot(2, 0, 1))))
                .hasMessage("iterator t: batch 1 has features of shape [2, 3, 5]; expected [batch, D] or "
                        + "[batch, C, H, W] (NCHW)");
        assertThatThrownBy(() -> read(new DataSet(range(2, 3), Nd4j.createFromArray(new float[][] {{0}, {1}}))))
                .hasMessage("iterator t: batch 1 has labels of shape [2, 1]; expected one-hot [2, K] with K >= 2 (a "
                        + "classification iterator, e.g. RecordReaderDataSetIterator with a label index and the "
                        + "number of classes)");
        assertThatThrownBy(() -> read(new DataSet(range(2, 3), oneHot(2, 0))))
                .hasMessageStartingWith("iterator t: batch 1 has labels of shape [1, 2]; expected one-hot [2, K]");
        INDArray soft = Nd4j.createFromArray(new float[][] {{1, 0}, {0.5f, 0.5f}});
        assertThatThrownBy(() -> read(new DataSet(range(2, 3), soft)))
                .hasMessage("iterator t: batch 1: sample 1 has label row [0.5, 0.5]; expected one-hot, a single 1 and "
                        + "0 elsewhere");
    }

    @Test
    void refusesNonFiniteFeaturesNamingTheSampleAcrossBatches() {
        INDArray bad = range(2, 3);
        bad.putScalar(1, 2, Float.NaN);
        assertThatThrownBy(() -> Datasets.fromIterator(new GivenBatches(null, true,
                new DataSet(range(2, 3), oneHot(2, 0, 1)), new DataSet(bad, oneHot(2, 0, 1))), "t"))
                .hasMessage("iterator t: batch 2: sample 3 has feature NaN at position 2; expected finite values");
    }

    @Test
    void refusesMasks() {
        DataSet masked = new DataSet(range(2, 3), oneHot(2, 0, 1), Nd4j.ones(2, 3), null);
        assertThatThrownBy(() -> read(masked)).hasMessage("iterator t: batch 1 has mask arrays; expected none (masks "
                + "are for sequences, and mwnet trains on fixed-size samples)");
    }

    @Test
    void refusesClassNamesThatDoNotFitTheLabels() {
        GivenBatches it = new GivenBatches(List.of("a", "b"), true, new DataSet(range(2, 3), oneHot(3, 0, 2)));
        assertThatThrownBy(() -> Datasets.fromIterator(it, "t")).hasMessage("iterator t names 2 classes [a, b] but "
                + "its labels have 3 columns; expected one name per column");
    }

    private static LabelledData read(DataSet batch) {
        return Datasets.fromIterator(new GivenBatches(null, true, batch), "t");
    }

    /** A DataSetIterator over given batches, with optional class names, that may be unable to reset. */
    private static final class GivenBatches implements DataSetIterator {
        private final List<DataSet> batches;
        private final List<String> names;
        private final boolean resettable;
        private int next;

        GivenBatches(List<String> names, boolean resettable, DataSet... batches) {
            this.batches = List.of(batches);
            this.names = names;
            this.resettable = resettable;
        }

        @Override
        public DataSet next(int num) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int inputColumns() {
            return (int) batches.get(0).getFeatures().size(1);
        }

        @Override
        public int totalOutcomes() {
            return (int) batches.get(0).getLabels().size(1);
        }

        @Override
        public boolean resetSupported() {
            return resettable;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void reset() {
            if (!resettable) {
                throw new UnsupportedOperationException("cannot reset");
            }
            next = 0;
        }

        @Override
        public int batch() {
            return batches.get(0).numExamples();
        }

        @Override
        public void setPreProcessor(DataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DataSetPreProcessor getPreProcessor() {
            return null;
        }

        @Override
        public List<String> getLabels() {
            return names;
        }

        @Override
        public boolean hasNext() {
            return next < batches.size();
        }

        @Override
        public DataSet next() {
            return batches.get(next++);
        }
    }
}
