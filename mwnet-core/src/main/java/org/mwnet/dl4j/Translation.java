package org.mwnet.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.mwnet.nn.AvgPool2;
import org.mwnet.nn.BatchNorm;
import org.mwnet.nn.Conv2d;
import org.mwnet.nn.Dense;
import org.mwnet.nn.Flatten;
import org.mwnet.nn.GlobalAvgPool;
import org.mwnet.nn.Init;
import org.mwnet.nn.Layer;
import org.mwnet.nn.Relu;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

/**
 * Translates a DL4J configuration's layers, first to last, into mwnet layers and parameter bindings, tracking the
 * sample shape ([C, H, W] or [n]) so that every layer is checked against its input. Each refusal is one
 * {@link IllegalArgumentException} line naming the layer's index and type and what mwnet supports.
 */
final class Translation {
    /** What this package reads, for the refusals. */
    static final String SUPPORTED = "supported: DenseLayer, OutputLayer (softmax with MCXENT or "
            + "NEGATIVELOGLIKELIHOOD), "
            + "ConvolutionLayer, SubsamplingLayer (AVG, 2x2, stride 2), BatchNormalization, ActivationLayer and layer "
            + "activations (RELU, IDENTITY), GlobalPoolingLayer (AVG), DropoutLayer (identity)";

    private static final java.util.Set<Class<?>> TYPES = java.util.Set.of(DenseLayer.class, OutputLayer.class,
            ConvolutionLayer.class, SubsamplingLayer.class, BatchNormalization.class, ActivationLayer.class,
            GlobalPoolingLayer.class, DropoutLayer.class);

    private final MultiLayerConfiguration conf;
    private final List<Layer> layers = new ArrayList<>();
    private final List<ParamBinding> bindings = new ArrayList<>();
    private long[] shape;
    private int index;

    /**
     * @param conf the configuration
     * @param sampleShape the input's sample shape: [C, H, W] for convolutional input, [n] for feed-forward input
     */
    Translation(MultiLayerConfiguration conf, long[] sampleShape) {
        this.conf = conf;
        this.shape = sampleShape;
    }

    /**
     * Refuses a configuration with a layer type mwnet does not read, before anything else is checked.
     *
     * @param conf the configuration
     * @throws IllegalArgumentException naming the first such layer
     */
    static void requireSupportedTypes(MultiLayerConfiguration conf) {
        for (int i = 0; i < conf.getConfs().size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer l = conf.getConf(i).getLayer();
            if (!TYPES.contains(l.getClass())) {
                throw new IllegalArgumentException("DL4J layer " + i + " (" + l.getClass().getSimpleName() + "): not "
                        + "supported; " + SUPPORTED);
            }
        }
    }

    /** @return the mwnet layers so far */
    List<Layer> layers() {
        return layers;
    }

    /** @return the parameter bindings so far */
    List<ParamBinding> bindings() {
        return bindings;
    }

    /** Translates every layer; the last must be the output layer. @return the number of classes */
    int translateAll() {
        int n = conf.getConfs().size();
        for (index = 0; index < n; index++) {
            org.deeplearning4j.nn.conf.layers.Layer l = conf.getConf(index).getLayer();
            if (!conf.getConf(index).isMiniBatch()) {
                throw refuse(l, "miniBatch(false) sums the gradient over the batch; mwnet averages it "
                        + "(miniBatch(true))");
            }
            preProcessor(l, conf.getInputPreProcess(index));
            commonSettings(l);
            boolean last = index == n - 1;
            if (last != (l.getClass() == OutputLayer.class)) {
                throw refuse(l, last ? "the last layer must be an OutputLayer"
                        : "an OutputLayer must be the last layer");
            }
            translate(l);
        }
        return (int) ((OutputLayer) conf.getConf(n - 1).getLayer()).getNOut();
    }

    private void translate(org.deeplearning4j.nn.conf.layers.Layer l) {
        if (l.getClass() == DenseLayer.class) {
            DenseLayer d = (DenseLayer) l;
            if (!d.hasBias() || d.hasLayerNorm()) {
                throw refuse(l, "mwnet's dense layers have a bias and no layer normalisation");
            }
            dense(d.getNIn(), d.getNOut());
            activation(l, d.getActivationFn());
        } else if (l.getClass() == OutputLayer.class) {
            output((OutputLayer) l);
        } else if (l.getClass() == ConvolutionLayer.class) {
            convolution((ConvolutionLayer) l);
        } else if (l.getClass() == SubsamplingLayer.class) {
            subsampling((SubsamplingLayer) l);
        } else if (l.getClass() == BatchNormalization.class) {
            batchNorm((BatchNormalization) l);
        } else if (l.getClass() == ActivationLayer.class) {
            activation(l, ((ActivationLayer) l).getActivationFn());
        } else if (l.getClass() == GlobalPoolingLayer.class) {
            GlobalPoolingLayer g = (GlobalPoolingLayer) l;
            if (g.getPoolingType() != PoolingType.AVG || !g.isCollapseDimensions() || shape.length != 3
                    || g.getPoolingDimensions() != null
                    && !Arrays.equals(g.getPoolingDimensions(), new int[] {2, 3})) {
                throw refuse(l, "mwnet has global AVG pooling over H and W of [C, H, W] inputs, dimensions collapsed");
            }
            add(new GlobalAvgPool());
        }
        // a DropoutLayer is the identity: mwnet trains without dropout, and DL4J's inference skips it anyway
    }

    private void output(OutputLayer o) {
        boolean crossEntropy = o.getLossFn() != null && (o.getLossFn().getClass() == LossMCXENT.class
                || o.getLossFn().getClass() == LossNegativeLogLikelihood.class);
        if (!(o.getActivationFn() instanceof ActivationSoftmax) || !crossEntropy) {
            throw refuse(o, "mwnet's output layer is softmax with MCXENT or NEGATIVELOGLIKELIHOOD, got "
                    + o.getActivationFn() + " with " + o.getLossFn());
        }
        if (((LossMCXENT) o.getLossFn()).getWeights() != null || !o.hasBias()) {
            throw refuse(o, "mwnet's output layer has a bias and an unweighted loss (its samples are weighted by V)");
        }
        dense(o.getNIn(), o.getNOut());
    }

    private void dense(long nIn, long nOut) {
        String name = name();
        add(new Dense(name, nIn, nOut, Init.UNIFORM_FAN_IN));
        bind(DefaultParamInitializer.WEIGHT_KEY, name + ".weight", Layout.SAME);
        bind(DefaultParamInitializer.BIAS_KEY, name + ".bias", Layout.SAME);
    }

    private void convolution(ConvolutionLayer c) {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] d = c.getDilation();
        if (k[0] != k[1] || s[0] != s[1] || d[0] != 1 || d[1] != 1 || c.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw refuse(c, "mwnet's convolutions have square kernels, equal strides, no dilation and NCHW data, got "
                    + "kernel " + Arrays.toString(k) + ", stride " + Arrays.toString(s) + ", dilation "
                    + Arrays.toString(d) + ", " + c.getCnn2dDataFormat());
        }
        int pad = padding(c, c.getConvolutionMode(), k[0], s[0], c.getPadding());
        String name = name();
        add(new Conv2d(name, c.getNIn(), c.getNOut(), k[0], s[0], pad, c.hasBias(), Init.UNIFORM_FAN_IN));
        bind(DefaultParamInitializer.WEIGHT_KEY, name + ".weight", Layout.KERNEL);
        if (c.hasBias()) {
            bind(DefaultParamInitializer.BIAS_KEY, name + ".bias", Layout.SAME);
        }
        activation(c, c.getActivationFn());
    }

    /**
     * The zero padding on every side that gives DL4J's output size: the configured one in Truncate mode; in Same mode
     * DL4J's own (half of what makes the output ceil(size / stride), the odd one at the bottom and right), which mwnet
     * can apply only when it is the same on all four sides.
     */
    private int padding(org.deeplearning4j.nn.conf.layers.Layer l, ConvolutionMode mode, int k, int stride,
                        int[] configured) {
        if (shape.length != 3) {
            throw refuse(l, "needs [C, H, W] input, got " + Arrays.toString(shape));
        }
        if (mode == ConvolutionMode.Truncate) {
            if (configured[0] != configured[1]) {
                throw refuse(l, "mwnet pads all four sides alike, got padding " + Arrays.toString(configured));
            }
            return configured[0];
        }
        if (mode != ConvolutionMode.Same) {
            throw refuse(l, "convolution mode " + mode + " is not supported; expected Truncate or Same");
        }
        long totalH = Math.max(0, ((shape[1] + stride - 1) / stride - 1) * stride + k - shape[1]);
        long totalW = Math.max(0, ((shape[2] + stride - 1) / stride - 1) * stride + k - shape[2]);
        if (totalH != totalW || totalH % 2 != 0) {
            throw refuse(l, "Same mode pads " + totalH + " rows and " + totalW + " columns here; mwnet pads all four "
                    + "sides alike (an even, equal total)");
        }
        return (int) (totalH / 2);
    }

    private void subsampling(SubsamplingLayer p) {
        if (p.getPoolingType() != PoolingType.AVG) {
            throw refuse(p, p.getPoolingType() + " pooling has no explicit VJP in mwnet; " + SUPPORTED);
        }
        int[] k = p.getKernelSize();
        int[] s = p.getStride();
        int[] pad = p.getPadding();
        int[] d = p.getDilation();
        boolean twoByTwo = k[0] == 2 && k[1] == 2 && s[0] == 2 && s[1] == 2 && pad[0] == 0 && pad[1] == 0
                && d[0] == 1 && d[1] == 1;
        if (!twoByTwo || p.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw refuse(p, "mwnet's average pooling is 2x2 with stride 2, no padding, NCHW, got kernel "
                    + Arrays.toString(k) + ", stride " + Arrays.toString(s) + ", padding " + Arrays.toString(pad));
        }
        add(new AvgPool2());
    }

    private void batchNorm(BatchNormalization b) {
        if (shape.length != 3 || b.getCnn2DFormat() != CNN2DFormat.NCHW) {
            throw refuse(b, "mwnet normalises the channels of [C, H, W] (NCHW) inputs, got " + Arrays.toString(shape));
        }
        if (b.isLockGammaBeta() || b.getEps() != BatchNorm.EPS || b.getDecay() != 0.9) {
            throw refuse(b, "mwnet's BatchNorm learns gamma and beta, with eps " + BatchNorm.EPS
                    + " and decay 0.9, got "
                    + "lockGammaBeta " + b.isLockGammaBeta() + ", eps " + b.getEps() + ", decay " + b.getDecay());
        }
        String name = name();
        add(new BatchNorm(name, b.getNOut()));
        bind(BatchNormalizationParamInitializer.GAMMA, name + ".weight", Layout.SAME);
        bind(BatchNormalizationParamInitializer.BETA, name + ".bias", Layout.SAME);
        bind(BatchNormalizationParamInitializer.GLOBAL_MEAN, name + ".running_mean", Layout.SAME);
        bind(b.isUseLogStd() ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                : BatchNormalizationParamInitializer.GLOBAL_VAR, name + ".running_var",
                b.isUseLogStd() ? Layout.LOG10_STD : Layout.SAME);
        // no activation: DL4J's BatchNormalization layer never applies the one it is configured with (its
        // activate() is its preOutput()), and the global default would otherwise make it a sigmoid
    }

    private void activation(org.deeplearning4j.nn.conf.layers.Layer l, IActivation fn) {
        if (fn instanceof ActivationReLU r && isZero(r.getMax()) && isZero(r.getThreshold())
                && isZero(r.getNegativeSlope()) && r.getClass() == ActivationReLU.class) {
            add(new Relu());
        } else if (fn != null && fn.getClass() != ActivationIdentity.class) {
            throw refuse(l, "activation " + fn + " is not supported; expected RELU (plain) or IDENTITY");
        }
    }

    private static boolean isZero(Double v) {
        return v == null || v == 0.0;
    }

    private void preProcessor(org.deeplearning4j.nn.conf.layers.Layer l, InputPreProcessor p) {
        if (p == null) {
            return;
        }
        if (p instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW && shape.length == 3) {
            add(new Flatten());
        } else if (!(p instanceof FeedForwardToCnnPreProcessor && index == 0 && shape.length == 3)) {
            // at the input, convolutionalFlat's reshape: mwnet's samples are [C, H, W] images already
            throw refuse(l, "input preprocessor " + p.getClass().getSimpleName() + " is not supported here; mwnet "
                    + "reads CnnToFeedForwardPreProcessor (NCHW) anywhere and FeedForwardToCnnPreProcessor at the "
                    + "input");
        }
    }

    /** Refuses the settings that change training in ways mwnet does not apply. */
    private void commonSettings(org.deeplearning4j.nn.conf.layers.Layer l) {
        if (l.getIDropout() != null && l.getClass() != DropoutLayer.class) {
            throw refuse(l, "dropout inside a layer is not supported; mwnet trains without dropout");
        }
        if (l.getConstraints() != null && !l.getConstraints().isEmpty()) {
            throw refuse(l, "constraints are not supported");
        }
        if (l instanceof BaseLayer b) {
            boolean regularised = b.getRegularization() != null && !b.getRegularization().isEmpty()
                    || b.getRegularizationBias() != null && !b.getRegularizationBias().isEmpty();
            if (regularised) {
                throw refuse(l, "L1/L2/weight decay in the configuration is not applied by mwnet (it has its own "
                        + "weight decay); remove it");
            }
            if (b.getWeightNoise() != null) {
                throw refuse(l, "weight noise is not supported");
            }
            if (b.getGradientNormalization() != null && b.getGradientNormalization() != GradientNormalization.None) {
                throw refuse(l, "gradient normalisation " + b.getGradientNormalization() + " is not supported");
            }
        }
    }

    private String name() {
        return "layer" + index;
    }

    private void bind(String key, String name, Layout layout) {
        bindings.add(new ParamBinding(index, key, name, layout));
    }

    private void add(Layer layer) {
        try {
            shape = layer.outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw refuse(conf.getConf(index).getLayer(), e.getMessage());
        }
        layers.add(layer);
    }

    private IllegalArgumentException refuse(org.deeplearning4j.nn.conf.layers.Layer l, String why) {
        return new IllegalArgumentException("DL4J layer " + index + " (" + l.getClass().getSimpleName() + "): " + why);
    }
}
