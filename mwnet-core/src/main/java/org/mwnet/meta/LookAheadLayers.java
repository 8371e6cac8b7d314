package org.mwnet.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mwnet.nn.GraphInputs;
import org.mwnet.nn.Layer;
import org.mwnet.nn.Network;
import org.mwnet.nn.Residual;

/**
 * Which of a classifier's layers the look-ahead of a meta step moves (a partial look-ahead, as FaMUS and FSR take
 * it). The look-ahead then updates only the top-level layers from a split point on; the layers below keep their
 * weights, so their outputs on the training and meta batches do not depend on V and are computed once, outside the
 * differentiated graph ({@link MetaStepGraph}). The meta-gradient is then exactly the gradient with respect to theta
 * of the meta loss after a look-ahead that moves only those layers.
 * <ul>
 * <li>{@code all}: every layer, the paper's exact step (the default);</li>
 * <li>{@code last}: the final layer only (the last top-level layer with parameters: the final Dense layer);</li>
 * <li>{@code last-stage}: the last residual stage and everything above it (ResNet-32: the last five residual blocks
 * and the final layer);</li>
 * <li>a number N: the last N top-level layers with parameters (a residual block counts as one layer).</li>
 * </ul>
 *
 * @param name the choice as written: all, last, last-stage or a positive number
 */
public record LookAheadLayers(String name) {
    private static final String EVERY = "all";
    private static final String LAST = "last";
    private static final String LAST_STAGE = "last-stage";

    /** The exact step: the look-ahead moves every layer. */
    public static final LookAheadLayers ALL = new LookAheadLayers(EVERY);
    /** The choices in words, for messages and help. */
    public static final String CHOICES = "all, last, last-stage (ResNet-32), or a number N of top layers with "
            + "parameters";

    /** Checks the form of the choice (whether a model has it is {@link #firstMoving}'s to say). */
    public LookAheadLayers {
        if (name == null || !(name.equals(EVERY) || name.equals(LAST) || name.equals(LAST_STAGE)
                || count(name) > 0)) {
            throw new IllegalArgumentException("unknown meta layers '" + name + "'; expected " + CHOICES);
        }
    }

    /**
     * @param name the choice, or null for the default
     * @return the choice, {@link #ALL} for null
     */
    public static LookAheadLayers of(String name) {
        return name == null ? ALL : new LookAheadLayers(name);
    }

    /** @return whether this is the exact step, moving every layer */
    public boolean isAll() {
        return name.equals(EVERY);
    }

    /**
     * @param net the classifier
     * @return the index of the first top-level layer the look-ahead moves: 0 when it moves every layer
     * @throws IllegalArgumentException when the classifier has no such layers, naming its choices
     */
    public int firstMoving(Network net) {
        if (isAll()) {
            return 0;
        }
        if (name.equals(LAST_STAGE)) {
            int first = lastStage(net);
            if (first < 0) {
                throw notIn(net, "it has no residual stages");
            }
            return first;
        }
        List<Integer> withParams = layersWithParameters(net);
        int n = name.equals(LAST) ? 1 : count(name);
        if (n > withParams.size()) {
            throw notIn(net, "it has " + withParams.size() + " top layers with parameters");
        }
        return n == withParams.size() ? 0 : withParams.get(withParams.size() - n);
    }

    /**
     * @param net a classifier
     * @return the look-ahead choices it has, e.g. {@code all, last, 1..3} for the MLP
     */
    public static String choicesOf(Network net) {
        return String.format(Locale.ROOT, "all, last, %s1..%d", lastStage(net) >= 0 ? LAST_STAGE + ", " : "",
                layersWithParameters(net).size());
    }

    private IllegalArgumentException notIn(Network net, String why) {
        return new IllegalArgumentException("meta layers '" + name + "' do not fit " + net.name() + " (" + why
                + "); its choices are " + choicesOf(net));
    }

    /** The indices of the top-level layers that have trainable parameters, bottom to top. */
    private static List<Integer> layersWithParameters(Network net) {
        List<Layer> layers = net.body().layers();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!GraphInputs.trainable(layers.get(i).params()).isEmpty()) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** The index of the last residual block that starts a stage (its shortcut changes the shape), or -1. */
    private static int lastStage(Network net) {
        List<Layer> layers = net.body().layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Residual r && r.changesShape()) {
                return i;
            }
        }
        return -1;
    }

    /** A positive decimal count, or 0 when the text is not one. */
    private static int count(String text) {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
