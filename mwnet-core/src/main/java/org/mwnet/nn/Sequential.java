package org.mwnet.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** Layers applied in order; its VJP applies theirs in reverse. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    /** @param layers the layers, first to last */
    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /** @return the layers, first to last */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<ParamSpec> params() {
        return layers.stream().flatMap(l -> l.params().stream()).toList();
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] s = inputShape;
        for (Layer l : layers) {
            s = l.outputShape(s);
        }
        return s;
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        return sumOverLayers(inputShape, Layer::multiplyAdds);
    }

    @Override
    public long activations(long[] inputShape) {
        return sumOverLayers(inputShape, Layer::activations);
    }

    /** A per-layer count summed over the layers, each given its own input shape. */
    private long sumOverLayers(long[] inputShape, java.util.function.ToLongBiFunction<Layer, long[]> count) {
        long total = 0;
        long[] s = inputShape;
        for (Layer l : layers) {
            total += count.applyAsLong(l, s);
            s = l.outputShape(s);
        }
        return total;
    }

    /**
     * @param batch the batch dimension
     * @param sampleShape a shape without it
     * @return the full shape
     */
    public static long[] withBatch(long batch, long[] sampleShape) {
        long[] full = new long[sampleShape.length + 1];
        full[0] = batch;
        System.arraycopy(sampleShape, 0, full, 1, sampleShape.length);
        return full;
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        List<Trace> traces = new ArrayList<>(layers.size());
        SDVariable h = x;
        long[] s = shape;
        for (Layer l : layers) {
            Trace t = l.forward(scope, h, s);
            traces.add(t);
            h = t.output();
            s = withBatch(s[0], l.outputShape(java.util.Arrays.copyOfRange(s, 1, s.length)));
        }
        SDVariable out = h;
        return Trace.of(out, (dy, grads, needInputGradient) -> {
            SDVariable g = dy;
            for (int i = traces.size() - 1; i >= 0; i--) {
                g = traces.get(i).backward(g, grads, i > 0 || needInputGradient);
            }
            return g;
        });
    }
}
