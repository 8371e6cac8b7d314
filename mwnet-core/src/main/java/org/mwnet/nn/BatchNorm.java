package org.mwnet.nn;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Batch normalisation over (batch, H, W) of NCHW inputs, with scale and shift; epsilon 1e-5.
 * In training mode it normalises by the batch's statistics and reports them for the running averages; in
 * evaluation mode it uses the running statistics. The reported variance is the unbiased one, as PyTorch's running
 * average uses. The VJP is written with means and elementwise ops:
 * {@code dx = g/sigma * (dy - mean(dy) - xhat * mean(dy * xhat))} in training mode, {@code g/sigma * dy} in eval.
 */
public final class BatchNorm implements Layer {
    /** Numerical guard added to the variance. */
    public static final double EPS = 1e-5;
    private final String name;
    private final long channels;

    /**
     * @param name layer name; parameters {@code name.weight}, {@code name.bias}, buffers
     *             {@code name.running_mean}, {@code name.running_var}
     * @param channels C
     */
    public BatchNorm(String name, long channels) {
        this.name = name;
        this.channels = channels;
    }

    /** @return name of the running-mean buffer */
    public String runningMean() {
        return name + ".running_mean";
    }

    /** @return name of the running-variance buffer */
    public String runningVar() {
        return name + ".running_var";
    }

    @Override
    public List<ParamSpec> params() {
        long[] shape = {channels};
        return List.of(new ParamSpec(name + ".weight", shape, Init.ONES, 1, true),
                new ParamSpec(name + ".bias", shape, Init.ZEROS, 1, true),
                new ParamSpec(runningMean(), shape, Init.ZEROS, 1, false),
                new ParamSpec(runningVar(), shape, Init.ONES, 1, false));
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape;
    }

    @Override
    public Trace forward(Scope scope, SDVariable x, long[] shape) {
        var sd = scope.sd();
        SDVariable gamma = scope.param(name + ".weight");
        SDVariable beta = scope.param(name + ".bias");
        boolean train = scope.mode() == Mode.TRAIN;
        SDVariable mean;
        SDVariable var;
        if (train) {
            mean = x.mean(0, 2, 3);
            double count = (double) shape[0] * shape[2] * shape[3];
            // nd4j 1.0.0-M2.1 differentiates the variance op as the bias-corrected one whatever its flag says, so the
            // biased variance is taken as the corrected one rescaled (LayerVjpTest fails with the flag off)
            SDVariable unbiased = sd.variance(x, true, 0, 2, 3);
            var = unbiased.mul(scope.scalar((count - 1) / count));
            scope.reportBatchStatistic(runningMean(), mean);
            scope.reportBatchStatistic(runningVar(), unbiased);
        } else {
            mean = scope.param(runningMean());
            var = scope.param(runningVar());
        }
        SDVariable invStd = sd.math.rsqrt(var.add(scope.scalar(EPS)));
        SDVariable scale = gamma.mul(invStd);
        // gamma (x - mean) / sigma + beta as one per-channel scaling and one shift of x: no centred copy of x is
        // made, and none is kept for the reverse pass of a differentiated forward pass
        SDVariable y = ChannelOps.affine(sd, x, scale, beta.sub(mean.mul(scale)), scope.forwardDifferentiated());
        return Trace.of(y, (dy, grads, needInputGradient) -> {
            boolean differentiated = scope.backwardDifferentiated();
            SDVariable xhat = ChannelOps.affine(sd, x, invStd, mean.mul(invStd).neg(), false);
            SDVariable dyXhat = dy.mul(xhat);
            grads.put(name + ".weight", dyXhat.sum(0, 2, 3));
            grads.put(name + ".bias", dy.sum(0, 2, 3));
            if (!needInputGradient) {
                return null;
            }
            if (!train) {
                return ChannelOps.scale(sd, dy, scale, differentiated);
            }
            SDVariable centredDy = ChannelOps.shift(sd, dy, dy.mean(0, 2, 3).neg())
                    .sub(ChannelOps.scale(sd, xhat, dyXhat.mean(0, 2, 3), differentiated));
            return ChannelOps.scale(sd, centredDy, scale, differentiated);
        });
    }
}
