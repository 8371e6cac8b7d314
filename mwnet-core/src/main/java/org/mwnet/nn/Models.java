package org.mwnet.nn;

import java.util.ArrayList;
import java.util.List;

/** Builds the classifiers mwnet ships ({@link Model} names them and holds their defaults). */
public final class Models {
    /** The MLP's default hidden width: the paper's MLP 784-256-256-10. */
    public static final int MLP_WIDTH = 256;
    /** ResNet-32's default base width, the paper's. */
    public static final int RESNET_WIDTH = 16;

    private Models() {
    }

    /**
     * Multi-layer perceptron with ReLU, PyTorch default initialisation.
     *
     * @param inputShape image shape, flattened first
     * @param hidden widths of the hidden layers
     * @param numClasses K
     * @return the network
     */
    public static Network mlp(long[] inputShape, List<Integer> hidden, int numClasses) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Flatten());
        long in = 1;
        for (long s : inputShape) {
            in *= s;
        }
        int i = 1;
        for (int h : hidden) {
            layers.add(new Dense("fc" + i++, in, h, Init.UNIFORM_FAN_IN));
            layers.add(new Relu());
            in = h;
        }
        layers.add(new Dense("fc" + i, in, numClasses, Init.UNIFORM_FAN_IN));
        return new Network("mlp", inputShape, numClasses, new Sequential(layers));
    }

    private static boolean lenetSide(long side) {
        return side >= 16 && side % 4 == 0;
    }

    /** A side after LeNet's conv5, pool2, conv5, pool2. */
    private static long lenetFinalSide(long side) {
        return ((side - 4) / 2 - 4) / 2;
    }

    /**
     * LeNet-5 style CNN for 28x28 inputs: conv5(6) relu avgpool, conv5(16) relu avgpool, 120, 84, K.
     *
     * @param inputShape [C, 28, 28]
     * @param numClasses K
     * @return the network
     */
    public static Network lenet(long[] inputShape, int numClasses) {
        long c = inputShape[0];
        if (!lenetSide(inputShape[1]) || !lenetSide(inputShape[2])) {
            throw new IllegalArgumentException("LeNet needs image sides that are multiples of 4 and at least 16 (its "
                    + "two 5x5 convolutions and 2x2 poolings must leave even sizes; 28 for Fashion-MNIST, 32 for CIFAR),"
                    + " got " + inputShape[1] + "x" + inputShape[2]);
        }
        long flat = 16 * lenetFinalSide(inputShape[1]) * lenetFinalSide(inputShape[2]);
        List<Layer> layers = List.of(
                new Conv2d("conv1", c, 6, 5, 1, 0, true, Init.UNIFORM_FAN_IN), new Relu(), new AvgPool2(),
                new Conv2d("conv2", 6, 16, 5, 1, 0, true, Init.UNIFORM_FAN_IN), new Relu(), new AvgPool2(),
                new Flatten(),
                new Dense("fc1", flat, 120, Init.UNIFORM_FAN_IN), new Relu(),
                new Dense("fc2", 120, 84, Init.UNIFORM_FAN_IN), new Relu(),
                new Dense("fc3", 84, numClasses, Init.UNIFORM_FAN_IN));
        return new Network("lenet", inputShape, numClasses, new Sequential(layers));
    }

    /**
     * ResNet-32 for 32x32 inputs (He et al. 2016, the MW-Net paper's model): a 3x3 conv, three stages of five basic
     * blocks with widths w, 2w, 4w (option-A shortcuts), global average pooling and a linear classifier. Kaiming
     * normal initialisation.
     *
     * @param inputShape [C, H, W]
     * @param numClasses K
     * @param width base width w (16 in the paper; small widths make fast checks)
     * @return the network
     */
    public static Network resnet32(long[] inputShape, int numClasses, int width) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("ResNet-32's base width must be even and at least 2 (its shortcuts pad "
                    + "the channels evenly on both sides; 16 in the paper), got " + width);
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("conv1", inputShape[0], width, 3, 1, 1, false, Init.KAIMING_NORMAL));
        layers.add(new BatchNorm("bn1", width));
        layers.add(new Relu());
        long in = width;
        for (int stage = 0; stage < 3; stage++) {
            long out = (long) width << stage;
            for (int block = 0; block < 5; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + block + ".";
                Layer main = new Sequential(List.of(
                        new Conv2d(p + "conv1", in, out, 3, stride, 1, false, Init.KAIMING_NORMAL),
                        new BatchNorm(p + "bn1", out), new Relu(),
                        new Conv2d(p + "conv2", out, out, 3, 1, 1, false, Init.KAIMING_NORMAL),
                        new BatchNorm(p + "bn2", out)));
                layers.add(new Residual(main, stride == 1 && in == out ? null : new SubsampleShortcut(in, out)));
                layers.add(new Relu());
                in = out;
            }
        }
        layers.add(new GlobalAvgPool());
        layers.add(new Dense("linear", in, numClasses, Init.KAIMING_NORMAL));
        return new Network("resnet32", inputShape, numClasses, new Sequential(layers));
    }
}
