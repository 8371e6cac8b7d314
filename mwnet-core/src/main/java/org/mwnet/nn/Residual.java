package org.mwnet.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** {@code y = main(x) + shortcut(x)}; the shortcut is the identity when none is given. VJP: the sum of both paths'. */
public final class Residual implements Layer {
    private final Layer main;
    private final Layer shortcut;

    /**
     * @param main the residual branch
     * @param shortcut the projection branch, or null for the identity
     */
    public Residual(Layer main, Layer shortcut) {
        this.main = main;
        this.shortcut = shortcut;
    }

    /** @return whether the block changes the shape (its shortcut subsamples and pads): the first of a new stage */
    public boolean changesShape() {
        return shortcut != null;
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(main.params());
        if (shortcut != null) {
            p.addAll(shortcut.params());
        }
        return p;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] m = main.outputShape(inputShape);
        long[] s = shortcut == null ? inputShape : shortcut.outputShape(inputShape);
        if (!java.util.Arrays.equals(m, s)) {
            throw new IllegalArgumentException("residual branches disagree: " + java.util.Arrays.toString(m)
                    + " vs " + java.util.Arrays.toString(s));
        }
        return m;
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        return main.multiplyAdds(inputShape) + (shortcut == null ? 0 : shortcut.multiplyAdds(inputShape));
    }

    @Override
    public long activations(long[] inputShape) {
        return main.activations(inputShape) + (shortcut == null ? 0 : shortcut.activations(inputShape))
                + Layer.super.activations(inputShape);
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        Trace m = main.forward(scope, x, shape);
        Trace s = shortcut == null ? null : shortcut.forward(scope, x, shape);
        SDVariable y = m.output().add(s == null ? x : s.output());
        return Trace.of(y, (dy, grads, needInputGradient) -> {
            SDVariable dMain = m.backward(dy, grads, needInputGradient);
            SDVariable dShort = s == null ? dy : s.backward(dy, grads, needInputGradient);
            return needInputGradient ? dMain.add(dShort) : null;
        });
    }
}
