package org.mwnet.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The classifiers mwnet ships, each with its defaults: the one source of a model's default width and of the input it
 * is made for, used by training, the command line and the benchmark. Named ({@link #toString}) as the command line
 * and files write them; {@link Models} builds the networks.
 */
public enum Model {
    /** The paper's MLP 784-256-256-10 (two hidden layers of the width); keeps images at their own size. */
    MLP("mlp", Models.MLP_WIDTH, new long[] {1, 28, 28}, 0),
    /** LeNet-5 with average pooling, for 28x28 images; takes no width. */
    LENET("lenet", Models.MLP_WIDTH, new long[] {1, 28, 28}, 28),
    /** The paper's ResNet-32 for 32x32 colour images, base width 16. */
    RESNET32("resnet32", Models.RESNET_WIDTH, new long[] {3, 32, 32}, 32);

    private final String name;
    private final int defaultWidth;
    private final long[] inputShape;
    private final int imageSide;

    Model(String name, int defaultWidth, long[] inputShape, int imageSide) {
        this.name = name;
        this.defaultWidth = defaultWidth;
        this.inputShape = inputShape;
        this.imageSide = imageSide;
    }

    /**
     * @param name mlp, lenet or resnet32
     * @return the model
     * @throws IllegalArgumentException naming the models when there is no such model
     */
    @JsonCreator
    public static Model of(String name) {
        return Arrays.stream(values()).filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; expected one of "
                        + names()));
    }

    /** @return the models' names */
    public static List<String> names() {
        return Arrays.stream(values()).map(Model::toString).toList();
    }

    /** @return the default of the {@code hidden} setting: MLP width, or ResNet base width (LeNet ignores it) */
    public int defaultWidth() {
        return defaultWidth;
    }

    /**
     * @return the input shape [C, H, W] of the built-in datasets the model is made for: [3, 32, 32] (CIFAR) for
     *     ResNet-32, [1, 28, 28] (Fashion-MNIST, MNIST) otherwise
     */
    public long[] defaultInputShape() {
        return inputShape.clone();
    }

    /** @return the side images are resized to unless told otherwise; 0 for the images' own size (the MLP) */
    public int imageSide() {
        return imageSide;
    }

    /** @return the channels images are read with unless told otherwise */
    public int channels() {
        return (int) inputShape[0];
    }

    /**
     * @param inputShape image shape [C, H, W]
     * @param numClasses K
     * @param hidden MLP hidden width (two hidden layers); ResNet base width
     * @return the network
     */
    public Network build(long[] inputShape, int numClasses, int hidden) {
        return switch (this) {
            case MLP -> Models.mlp(inputShape, List.of(hidden, hidden), numClasses);
            case LENET -> Models.lenet(inputShape, numClasses);
            case RESNET32 -> Models.resnet32(inputShape, numClasses, hidden);
        };
    }

    /** @return the name, as the command line and files write it */
    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
