package org.mwnet.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Reads a Deeplearning4j {@link DataSetIterator} (for instance a DataVec pipeline: a record reader behind a
 * {@code RecordReaderDataSetIterator}) into an in-memory dataset, so that any such pipeline can be mwnet's training,
 * trusted or test set.
 *
 * <ul>
 *   <li>Features are [batch, D] (tabular, read as [1, 1, D] like a CSV row) or [batch, C, H, W]. Rank-4 features are
 *       taken as NCHW, channels first, which is what DataVec's {@code ImageRecordReader} gives by default; a pipeline
 *       built for NHWC (channels last) must be permuted to NCHW first. Other ranks (sequences, volumes) are refused.
 *       Values are taken as the iterator gives them, after its pre-processor if it has one; fit a
 *       {@link Normalization} afterwards as for any other input.</li>
 *   <li>Labels are one-hot, [batch, K] with K at least 2, as a classification iterator gives them (e.g.
 *       {@code RecordReaderDataSetIterator} with a label index and the number of classes). A single label column is
 *       refused, since it cannot be told from a regression target.</li>
 *   <li>The class names are {@link DataSetIterator#getLabels()} when the iterator has them (DataVec's image readers
 *       name them after the class folders), else "0" to "K-1". A sample's id is its position in the iterator, from
 *       0.</li>
 *   <li>An iterator that supports {@link DataSetIterator#reset()} is reset first, so it is read from its start
 *       however much of it was read before; one that does not is read from where it stands, so pass it unread.</li>
 *   <li>Masks (for sequences) are refused, as are NaN or infinite features, and batches whose sample shape or
 *       label width differs from the first batch's.</li>
 * </ul>
 * Each batch is copied to the Java heap as it arrives and the copies are joined at the end: the set must fit in memory
 * twice over while they are joined.
 */
public final class DataSetIterators {
    private DataSetIterators() {
    }

    /**
     * @param iterator the batches; reset first when it supports it, and read to its end
     * @param name the dataset's name, used in messages (e.g. "train")
     * @return the samples, the class names and the positions as ids
     * @throws IllegalArgumentException naming the iterator, the batch and where applicable the sample (counted from 0
     *     across batches): no samples, features or labels of an unsupported shape, a batch that differs from the first,
     *     masks, a label row that is not one-hot, a non-finite feature, or class names that do not fit the labels
     */
    public static LabelledData read(DataSetIterator iterator, String name) {
        if (iterator.resetSupported()) {
            iterator.reset();
        }
        List<float[]> batches = new ArrayList<>();
        List<int[]> batchLabels = new ArrayList<>();
        int[] shape = null;
        int numClasses = 0;
        long samples = 0;
        for (int b = 1; iterator.hasNext(); b++) {
            String where = "iterator " + name + ": batch " + b;
            DataSet batch = iterator.next();
            if (batch.hasMaskArrays()) {
                throw new IllegalArgumentException(where + " has mask arrays; expected none (masks are for "
                        + "sequences, and mwnet trains on fixed-size samples)");
            }
            INDArray x = batch.getFeatures();
            INDArray y = batch.getLabels();
            int[] s = sampleShape(where, x);
            if (shape == null) {
                shape = s;
            } else if (!Arrays.equals(shape, s)) {
                throw new IllegalArgumentException(where + " has samples of shape " + Arrays.toString(s)
                        + "; expected " + Arrays.toString(shape) + " as in batch 1");
            }
            int k = labelWidth(where, y, x.size(0));
            if (numClasses == 0) {
                numClasses = k;
            } else if (k != numClasses) {
                throw new IllegalArgumentException(where + " has labels of " + k + " columns; expected "
                        + numClasses + " as in batch 1");
            }
            batches.add(finiteValues(where, x, s[0] * s[1] * s[2], samples));
            batchLabels.add(classes(where, y, samples));
            samples += x.size(0);
        }
        if (samples == 0) {
            throw new IllegalArgumentException("iterator " + name + " yields no samples; expected at least one"
                    + (iterator.resetSupported() ? "" : " (it cannot reset: pass it before anything reads from it)"));
        }
        return collect(name, iterator.getLabels(), shape, numClasses, batches, batchLabels);
    }

    private static LabelledData collect(String name, List<String> names, int[] shape, int numClasses,
                                        List<float[]> batches, List<int[]> batchLabels) {
        if (names != null && names.size() != numClasses) {
            throw new IllegalArgumentException("iterator " + name + " names " + names.size() + " classes "
                    + names + " but its labels have " + numClasses + " columns; expected one name per column");
        }
        long values = batches.stream().mapToLong(v -> v.length).sum();
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("iterator " + name + " holds " + values + " feature values; "
                    + "expected at most " + (Integer.MAX_VALUE - 8) + ", what one Java array holds");
        }
        float[] pixels = new float[(int) values];
        int[] labels = new int[batchLabels.stream().mapToInt(y -> y.length).sum()];
        int at = 0;
        int n = 0;
        for (int b = 0; b < batches.size(); b++) {
            System.arraycopy(batches.get(b), 0, pixels, at, batches.get(b).length);
            System.arraycopy(batchLabels.get(b), 0, labels, n, batchLabels.get(b).length);
            at += batches.get(b).length;
            n += batchLabels.get(b).length;
        }
        List<String> classes = names != null ? names
                : IntStream.range(0, numClasses).mapToObj(Integer::toString).toList();
        List<String> ids = IntStream.range(0, labels.length).mapToObj(Integer::toString).toList();
        Dataset data = Dataset.adopting(name, numClasses, shape[0], shape[1], shape[2], pixels, labels, labels.clone());
        return LabelledData.of(data, classes, ids);
    }

    /** @return {C, H, W} of one sample: [1, 1, D] for [batch, D] features */
    private static int[] sampleShape(String where, INDArray x) {
        long[] s = x == null ? null : x.shape();
        if (s != null && s.length == 2 && s[1] > 0) {
            return new int[] {1, 1, (int) s[1]};
        }
        if (s != null && s.length == 4 && s[1] > 0 && s[2] > 0 && s[3] > 0) {
            return new int[] {(int) s[1], (int) s[2], (int) s[3]};
        }
        throw new IllegalArgumentException(where + " has features of shape "
                + (s == null ? "none" : Arrays.toString(s)) + "; expected [batch, D] or [batch, C, H, W] (NCHW)");
    }

    /** @return K, the width of one-hot labels for a batch of {@code n} samples */
    private static int labelWidth(String where, INDArray y, long n) {
        long[] s = y == null ? null : y.shape();
        if (s == null || s.length != 2 || s[0] != n || s[1] < 2) {
            throw new IllegalArgumentException(where + " has labels of shape "
                    + (s == null ? "none" : Arrays.toString(s)) + "; expected one-hot [" + n + ", K] with K >= 2 "
                    + "(a classification iterator, e.g. RecordReaderDataSetIterator with a label index and the "
                    + "number of classes)");
        }
        return (int) s[1];
    }

    /** @return the features as floats, sample after sample, NCHW */
    private static float[] finiteValues(String where, INDArray x, int perSample, long first) {
        float[] v = x.castTo(DataType.FLOAT).reshape(x.length()).toFloatVector();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(where + ": sample " + (first + i / perSample) + " has feature "
                        + v[i] + " at position " + i % perSample + "; expected finite values");
            }
        }
        return v;
    }

    /** @return the class of each one-hot label row */
    private static int[] classes(String where, INDArray y, long first) {
        int k = (int) y.size(1);
        float[] v = y.castTo(DataType.FLOAT).reshape(y.length()).toFloatVector();
        int[] out = new int[v.length / k];
        for (int r = 0; r < out.length; r++) {
            int ones = 0;
            int zeros = 0;
            for (int c = 0; c < k; c++) {
                float e = v[r * k + c];
                if (e == 1) {
                    ones++;
                    out[r] = c;
                } else if (e == 0) {
                    zeros++;
                }
            }
            if (ones != 1 || zeros != k - 1) {
                throw new IllegalArgumentException(where + ": sample " + (first + r) + " has label row "
                        + Arrays.toString(Arrays.copyOfRange(v, r * k, r * k + k))
                        + "; expected one-hot, a single 1 and 0 elsewhere");
            }
        }
        return out;
    }
}
