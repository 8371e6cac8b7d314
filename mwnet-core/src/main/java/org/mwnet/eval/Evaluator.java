package org.mwnet.eval;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.io.HostArrays;
import org.mwnet.nn.InferenceGraph;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Runs a classifier in evaluation mode over whole datasets, in chunks. */
public final class Evaluator {
    private static final int CHUNK = 500;
    private final InferenceGraph graph;
    private final DataType dataType;

    /**
     * @param net the classifier
     * @param dataType FLOAT or DOUBLE
     */
    public Evaluator(Network net, DataType dataType) {
        this.graph = new InferenceGraph(net, dataType);
        this.dataType = dataType;
    }

    /**
     * @param params the classifier's parameters
     * @param data the samples (observed labels are used for the losses)
     * @return predictions, their probabilities and per-sample losses
     */
    public Predictions predict(Parameters params, Dataset data) {
        int n = data.size();
        int[] predicted = new int[n];
        double[] losses = new double[n];
        double[] confidence = new double[n];
        int[] s = data.imageShape();
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            int[] idx = IntStream.range(start, start + len).toArray();
            INDArray images = Nd4j.create(dataType, len, s[0], s[1], s[2]);
            data.copyImages(idx, images);
            INDArray logits = graph.logits(params, images).castTo(DataType.DOUBLE);
            INDArray max = logits.max(1);
            INDArray logSumExp = Transforms.log(Transforms.exp(logits.subColumnVector(max), false).sum(1), false)
                    .addi(max);
            INDArray argMax = logits.argMax(1);
            for (int i = 0; i < len; i++) {
                predicted[start + i] = argMax.getInt(i);
                losses[start + i] = logSumExp.getDouble(i) - logits.getDouble(i, data.label(start + i));
                confidence[start + i] = Math.exp(max.getDouble(i) - logSumExp.getDouble(i));
            }
        }
        return new Predictions(predicted, losses, confidence);
    }

    /**
     * @param params the classifier's parameters
     * @param samples samples as the classifier takes them (normalised), one after the other in C, H, W order
     * @param shape the sample shape [C, H, W]
     * @return every sample's class probabilities (the softmax of its logits, in double precision), [n][K]
     */
    public double[][] probabilities(Parameters params, float[] samples, int[] shape) {
        int d = shape[0] * shape[1] * shape[2];
        int n = samples.length / d;
        double[][] out = new double[n][];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            INDArray images = Nd4j.create(dataType, len, shape[0], shape[1], shape[2]);
            HostArrays.write(images, len == n ? samples : Arrays.copyOfRange(samples, start * d, (start + len) * d));
            INDArray p = Transforms.softmax(graph.logits(params, images).castTo(DataType.DOUBLE), false);
            System.arraycopy(p.toDoubleMatrix(), 0, out, start, len);
        }
        return out;
    }

    /**
     * @param params the classifier's parameters
     * @param data the samples
     * @return accuracy in percent against the observed labels
     */
    public double accuracy(Parameters params, Dataset data) {
        int[] p = predict(params, data).predicted();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == data.label(i) ? 1 : 0;
        }
        return 100.0 * right / Math.max(1, p.length);
    }
}
