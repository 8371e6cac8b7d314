package org.mwnet.nn;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Fully connected layer {@code z = x W + b}, W of shape [in, out].
 * VJP: {@code dW = x^T dz} (also reported in factored form, see {@link Scope#reportOuterProduct}),
 * {@code db = sum_batch dz}, {@code dx = dz W^T}.
 */
public final class Dense implements Layer {
    private final String name;
    private final long in;
    private final long out;
    private final Init init;

    /**
     * @param name layer name; parameters are {@code name.weight} and {@code name.bias}
     * @param in input width
     * @param out output width
     * @param init weight initialisation (the bias always uses PyTorch's default)
     */
    public Dense(String name, long in, long out, Init init) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.init = init;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(new ParamSpec(name + ".weight", new long[] {in, out}, init, in, true),
                new ParamSpec(name + ".bias", new long[] {out}, Init.UNIFORM_FAN_IN, in, true));
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] != in) {
            throw new IllegalArgumentException(name + " expects inputs of width " + in + ", got shape "
                    + java.util.Arrays.toString(inputShape));
        }
        return new long[] {out};
    }

    @Override
    public long multiplyAdds(long[] inputShape) {
        return in * out;
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        String weight = name + ".weight";
        SDVariable z = sd.nn.biasAdd(scope.matmulParam(x, weight), scope.param(name + ".bias"), false);
        return Trace.of(z, (dz, grads, needInputGradient) -> {
            grads.put(weight, sd.mmul(x, dz, true, false, false));
            scope.reportOuterProduct(weight, x, dz);
            grads.put(name + ".bias", dz.sum(0));
            return needInputGradient ? sd.mmul(dz, scope.param(weight), false, true, false) : null;
        });
    }
}
