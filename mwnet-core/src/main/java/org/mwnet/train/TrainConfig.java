package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.mwnet.data.SettingException;
import org.mwnet.data.Dataset;
import org.mwnet.meta.ClassFamilies;
import org.mwnet.meta.LookAheadLayers;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Model;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything that defines a training run besides its data. Defaults follow the official MW-Net recipe
 * ({@link #defaults()}), with V's weights averaged over the batch (1/n) as in the paper's algorithm;
 * {@link Builder} changes any of them. Serializable, so that a data-parallel runner can send it to its workers.
 *
 * @param model the classifier
 * @param hidden MLP hidden width, or ResNet base width (default {@link Model#defaultWidth})
 * @param method the training method
 * @param epochs epochs over the training set
 * @param batch training batch size n
 * @param metaBatch meta batch size m (default: the batch size n)
 * @param accumulate micro-batches per iteration P (default 1): each iteration's batch and meta batch are split into P
 *     equal parts drawn from P fixed shards of the training set, each micro-batch takes its own look-ahead, and their
 *     gradients are averaged into one update, as P data-parallel workers would ({@link Methods} says exactly how)
 * @param syncEvery 0 (the default) for that gradient averaging; k &gt;= 1 for parameter averaging instead: each of
 *     the P micro-batches' workers trains its own replica of the state for k iterations, then the replicas are
 *     averaged, and at the end of every epoch ({@link ParameterAveraging} says exactly how; methods mwnet, ce and
 *     focal)
 * @param lr initial classifier learning rate
 * @param lrDecay multiplier of the learning rate at each milestone, in (0, 1] (0.1 in the paper)
 * @param lrMilestones epochs (0-based) where the rate decays; empty for 2/3 and 5/6 of the epochs
 * @param momentum classifier SGD momentum (heavy ball)
 * @param weightDecay classifier L2 weight decay
 * @param metaLr V-net Adam learning rate
 * @param metaWeightDecay V-net Adam L2 weight decay
 * @param vHidden V-net hidden width
 * @param metaInterval update theta every k iterations (methods that learn V)
 * @param metaLayers which layers the meta step's look-ahead moves ({@link LookAheadLayers}): {@code all} (the
 *     default, the paper's exact step), {@code last}, {@code last-stage} or a number of top layers; methods with a
 *     meta step (mwnet, l2rw) only. A checkpoint written before this setting existed reads as {@code all}.
 * @param normalizeWeights divide V's weights by their batch sum instead of n
 * @param focalGamma focal loss gamma (method focal)
 * @param finetuneEpochs epochs on the meta set after training (method finetune)
 * @param finetuneLrFactor the fine-tuning epochs' learning rate as a fraction of {@code lr} (method finetune;
 *     0.01, the rate the paper's schedule has reached by the end of training)
 * @param families the class families of cmwnet's class-aware V, one head each (default 3, as CMW-Net); 0 for the
 *     other methods. A checkpoint written before this setting existed reads as 0.
 * @param warmupEpochs epochs of plain cross-entropy before a method that learns V starts its meta-learning (default
 *     0): CMW-Net's warm-up, or with most of the epochs its long-tail recipe of late meta-learning. The warm-up
 *     epochs update the classifier as method ce would (same optimiser and schedule) and leave V untouched. A
 *     checkpoint written before this setting existed reads as 0.
 * @param freezeV weight the samples with an imported V held fixed, and take no meta step (methods that learn V):
 *     a V learned on one task reused on another, which then needs no trusted meta set
 *     ({@link Trainer#withInitialWeightNet} gives the V). A checkpoint written before this setting existed reads as
 *     false.
 * @param seed initialisation and batch-order seed
 * @param precision float for training, double for checks
 */
public record TrainConfig(
        Model model,
        int hidden,
        Method method,
        int epochs,
        int batch,
        @JsonProperty("meta_batch") int metaBatch,
        int accumulate,
        @JsonProperty("sync_every") int syncEvery,
        double lr,
        @JsonProperty("lr_decay") double lrDecay,
        @JsonProperty("lr_milestones") List<Integer> lrMilestones,
        double momentum,
        @JsonProperty("weight_decay") double weightDecay,
        @JsonProperty("meta_lr") double metaLr,
        @JsonProperty("meta_weight_decay") double metaWeightDecay,
        @JsonProperty("v_hidden") int vHidden,
        @JsonProperty("meta_interval") int metaInterval,
        @JsonProperty("meta_layers") String metaLayers,
        @JsonProperty("normalize_weights") boolean normalizeWeights,
        @JsonProperty("focal_gamma") double focalGamma,
        @JsonProperty("finetune_epochs") int finetuneEpochs,
        @JsonProperty("finetune_lr_factor") double finetuneLrFactor,
        int families,
        @JsonProperty("warmup_epochs") int warmupEpochs,
        @JsonProperty("freeze_v") boolean freezeV,
        long seed,
        Precision precision) implements Serializable {

    /**
     * Checks every value, naming the wrong one and what was expected: a {@link SettingException} for a value out of
     * its range.
     */
    public TrainConfig {
        if (model == null) {
            throw new IllegalArgumentException("model is missing; expected one of " + Model.names());
        }
        if (method == null) {
            throw new IllegalArgumentException("method is missing; expected one of " + Method.names(m -> true));
        }
        atLeastOne("hidden", hidden);
        atLeastOne("epochs", epochs);
        atLeastOne("batch", batch);
        atLeastOne("metaBatch", metaBatch);
        atLeastOne("accumulate", accumulate);
        splits("batch", batch, accumulate);
        splits("metaBatch", metaBatch, accumulate);
        if (syncEvery < 0) {
            throw new SettingException("{syncEvery} must be at least 0 (0 averages gradients instead of parameters), "
                    + "got " + syncEvery);
        }
        if (syncEvery > 0 && !method.independentMicroBatches()) {
            throw new SettingException("{syncEvery} " + syncEvery + " does not train {method} " + method
                    + ": parameter averaging trains one of " + Method.names(Method::independentMicroBatches));
        }
        atLeastOne("vHidden", vHidden);
        atLeastOne("metaInterval", metaInterval);
        LookAheadLayers moving = LookAheadLayers.of(metaLayers);
        metaLayers = moving.name();
        if (!moving.isAll()) {
            if (!method.hasMetaStep()) {
                throw new IllegalArgumentException("meta layers '" + metaLayers + "' need a method with a meta "
                        + "step (" + Method.listed(Method::hasMetaStep) + "); " + method
                        + " has none");
            }
            moving.firstMoving(model.build(model.defaultInputShape(), 10, hidden));
        }
        positive("lr", lr);
        positive("metaLr", metaLr);
        fraction("lrDecay", lrDecay);
        fraction("finetuneLrFactor", finetuneLrFactor);
        notNegative("weightDecay", weightDecay);
        notNegative("metaWeightDecay", metaWeightDecay);
        notNegative("focalGamma", focalGamma);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new SettingException("{momentum} must be in [0, 1), got " + momentum);
        }
        if (finetuneEpochs < 0) {
            throw new SettingException("{finetuneEpochs} must be at least 0, got " + finetuneEpochs);
        }
        milestones(lrMilestones, epochs);
        if (method.classAware() ? families < 1 : families != 0) {
            throw new SettingException(method.classAware() ? "{families} must be at least 1, got " + families
                    : "{families} " + families + " sets the class families of a class-aware V ("
                    + Method.listed(Method::classAware) + "); {method} " + method + " has none");
        }
        if (freezeV && !method.learnsV()) {
            throw new SettingException("{freezeV} weights the samples with an imported V, for a method that learns V ("
                    + Method.listed(Method::learnsV) + "); {method} " + method + " has none");
        }
        if (freezeV && warmupEpochs != 0) {
            throw new SettingException("{warmupEpochs} " + warmupEpochs + " delays the meta-learning that {freezeV} "
                    + "turns off; give one of them");
        }
        if (freezeV && (metaInterval != 1 || !moving.isAll())) {
            String given = metaInterval != 1 ? "{metaInterval} " + metaInterval : "{metaLayers} " + metaLayers;
            throw new SettingException(given + " shapes the meta steps that {freezeV} turns off; give one of them");
        }
        if (warmupEpochs != 0) {
            if (!method.learnsV()) {
                throw new SettingException("{warmupEpochs} " + warmupEpochs + " delays the meta-learning of a "
                        + "method that learns V (" + Method.listed(Method::learnsV)
                        + "); {method} " + method + " has none");
            }
            if (warmupEpochs < 0 || warmupEpochs >= epochs) {
                throw new SettingException("{warmupEpochs} must be in [0, " + epochs + ") to leave at least one of "
                        + "the {epochs} " + epochs + " to meta-learning, got " + warmupEpochs);
            }
        }
        if (precision == null) {
            throw new SettingException("{precision} is missing; expected float or double");
        }
        lrMilestones = List.copyOf(lrMilestones);
    }

    /** A batch of the given field must split into {@code parts} equal micro-batches. */
    private static void splits(String field, int size, int parts) {
        if (size % parts != 0) {
            throw new SettingException("{" + field + "} " + size + " does not split into {accumulate} " + parts
                    + " equal micro-batches; give a {" + field + "} divisible by " + parts);
        }
    }

    private static void atLeastOne(String field, long value) {
        if (value < 1) {
            throw new SettingException("{" + field + "} must be at least 1, got " + value);
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new SettingException("{" + field + "} must be a finite number > 0, got " + value);
        }
    }

    private static void fraction(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new SettingException("{" + field + "} must be in (0, 1], got " + value);
        }
    }

    private static void notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new SettingException("{" + field + "} must be a finite number >= 0, got " + value);
        }
    }

    /** Milestones count epochs from 0 and must each decay the learning rate once within the run. */
    private static void milestones(List<Integer> milestones, int epochs) {
        String given = "{lrMilestones} " + milestones.stream().map(String::valueOf).collect(Collectors.joining(","));
        int previous = -1;
        for (int milestone : milestones) {
            if (milestone < 0) {
                throw new SettingException(given + ": epochs are counted from 0, got " + milestone);
            }
            if (milestone <= previous) {
                throw new SettingException(given + ": expected increasing epochs without repeats, got " + milestone
                        + " after " + previous);
            }
            if (milestone >= epochs) {
                throw new SettingException(given + ": epoch " + milestone + " is not below {epochs} " + epochs
                        + " (epochs are counted from 0), so the learning rate would never decay there");
            }
            previous = milestone;
        }
    }

    /** CMW-Net's family count: 3 for a class-aware method, none for the others. */
    private static int defaultFamilies(Method method) {
        return method != null && method.classAware() ? 3 : 0;
    }

    /** @return the official recipe: mwnet on the MLP 784-256-256-10, 15 epochs, batch 100, lr 0.1 */
    public static TrainConfig defaults() {
        return new Builder().build();
    }

    /**
     * @return a builder starting from this configuration; a {@link #hidden} equal to the model's default width and a
     *     {@link #metaBatch} equal to the batch size count as defaults there, so they follow a changed model or batch
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the classifier's learning-rate schedule over the {@link #epochs} training epochs */
    public LearningRateSchedule schedule() {
        return lrMilestones.isEmpty() ? LearningRateSchedule.paper(lr, lrDecay, epochs)
                : new LearningRateSchedule(lr, lrDecay, lrMilestones.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * @param epoch 0-based epoch of the run
     * @return its classifier learning rate: the {@link #schedule}'s, and {@code lr * finetuneLrFactor} in the
     *     fine-tuning epochs
     */
    public double learningRate(int epoch) {
        return isFinetuning(epoch) ? lr * finetuneLrFactor : schedule().at(epoch);
    }

    /**
     * @param epoch 0-based epoch of the run
     * @return whether it is one of method finetune's epochs on the meta set
     */
    public boolean isFinetuning(int epoch) {
        return epoch >= epochs;
    }

    /** @return samples per micro-batch, {@code batch / accumulate} */
    public int microBatch() {
        return batch / accumulate;
    }

    /** @return meta samples per micro-batch, {@code metaBatch / accumulate} */
    public int microMetaBatch() {
        return metaBatch / accumulate;
    }

    /** @return {@link #metaLayers} as the meta step takes it */
    public LookAheadLayers lookAhead() {
        return LookAheadLayers.of(metaLayers);
    }

    /** @return the ND4J type of {@link #precision}: FLOAT or DOUBLE */
    public DataType dataType() {
        return precision.dataType();
    }

    /**
     * A method that trains on the meta set ({@link Method#needsValidation}) cannot select its epoch there: it needs a
     * validation split carved out of the meta set.
     *
     * @param validationSize the validation split's size
     * @return this configuration
     * @throws SettingException when this configuration's method needs a validation split and has none
     */
    public TrainConfig requireSelectionSplit(int validationSize) {
        if (method.needsValidation() && validationSize == 0) {
            throw new SettingException("{method} " + method + " trains on the meta set, so it cannot select on it: "
                    + "give it a validation split ({validationSize} > 0, a multiple of the class count)");
        }
        return this;
    }

    /**
     * @param train the training set, whose observed (noisy) labels decide a class-aware V's families
     * @return the V this configuration trains: a plain one, or for a class-aware method one head per family of the
     *     training set's classes
     * @throws SettingException when there are more families than classes
     */
    public WeightNet weightNet(Dataset train) {
        if (!method.classAware()) {
            return new WeightNet(vHidden);
        }
        if (families > train.numClasses()) {
            throw new SettingException("{families} " + families + " is more than the data's " + train.numClasses()
                    + " classes; give at most " + train.numClasses());
        }
        return new WeightNet(vHidden, ClassFamilies.ofLabels(train.labels(), train.numClasses(), families));
    }

    /**
     * @return the configuration of the {@link #warmupEpochs}: method ce with this run's classifier, optimiser and
     *     batches
     */
    public TrainConfig warmUp() {
        return toBuilder().method(Method.CE).families(0).warmupEpochs(0).freezeV(false)
                .metaLayers(LookAheadLayers.ALL.name()).build();
    }

    /**
     * Only a run that takes no meta step and fine-tunes on nothing (ce, focal, a frozen V) trains without a meta set.
     *
     * @param metaSize the meta set's size
     * @return this configuration
     * @throws SettingException when the meta set is empty and this configuration's run needs one
     */
    public TrainConfig requireMetaSet(int metaSize) {
        if (metaSize == 0 && needsMetaSet()) {
            throw new SettingException("{metaSize} 0: {method} " + method + " needs a meta set ("
                    + (takesMetaSteps() ? "its meta steps learn V on it" : "it fine-tunes on it") + "); only a run "
                    + "that takes no meta step and fine-tunes on nothing trains without one");
        }
        return this;
    }

    /** @return the seed of V's initial weights: one past the classifier's, so the two draw different streams */
    public long weightNetSeed() {
        return seed + 1;
    }

    /** @return whether the run takes meta steps: a method with a meta step whose V is not frozen */
    public boolean takesMetaSteps() {
        return method.hasMetaStep() && !freezeV;
    }

    /**
     * @return whether the run reads its meta set: for meta steps, or for fine-tuning on it (a run that needs neither
     *     can train without a trusted set, selecting no epoch)
     */
    public boolean needsMetaSet() {
        return takesMetaSteps() || method.needsValidation();
    }

    /**
     * @param epoch 0-based epoch of the run
     * @return whether it is one of the {@link #warmupEpochs} of plain cross-entropy
     */
    public boolean isWarmingUp(int epoch) {
        return epoch < warmupEpochs;
    }

    /** @return all epochs of the run, fine-tuning included */
    public int totalEpochs() {
        return epochs + (method == Method.FINETUNE ? finetuneEpochs : 0);
    }

    /** Fluent construction of a {@link TrainConfig}. */
    public static final class Builder {
        private Model model = Model.MLP;
        private Integer hidden;
        private Method method = Method.MWNET;
        private int epochs = 15;
        private int batch = 100;
        private Integer metaBatch;
        private int accumulate = 1;
        private int syncEvery;
        private double lr = 0.1;
        private double lrDecay = 0.1;
        private List<Integer> lrMilestones = List.of();
        private double momentum = 0.9;
        private double weightDecay = 5e-4;
        private double metaLr = 1e-3;
        private double metaWeightDecay = 1e-4;
        private int vHidden = 100;
        private int metaInterval = 1;
        private String metaLayers = LookAheadLayers.ALL.name();
        private boolean normalizeWeights;
        private double focalGamma = 2;
        private int finetuneEpochs = 5;
        private double finetuneLrFactor = 0.01;
        private Integer families;
        private int warmupEpochs;
        private boolean freezeV;
        private long seed = 1;
        private Precision precision = Precision.FLOAT;

        /** A builder with the defaults. */
        public Builder() {
        }

        private Builder(TrainConfig c) {
            // A width or meta batch equal to its default (the model's width, the batch size) counts as not given,
            // so that it keeps following the model and the batch size when the copy changes them.
            model = c.model;
            hidden = c.hidden == c.model.defaultWidth() ? null : c.hidden;
            method = c.method;
            epochs = c.epochs;
            batch = c.batch;
            metaBatch = c.metaBatch == c.batch ? null : c.metaBatch;
            accumulate = c.accumulate;
            syncEvery = c.syncEvery;
            lr = c.lr;
            lrDecay = c.lrDecay;
            lrMilestones = c.lrMilestones;
            momentum = c.momentum;
            weightDecay = c.weightDecay;
            metaLr = c.metaLr;
            metaWeightDecay = c.metaWeightDecay;
            vHidden = c.vHidden;
            metaInterval = c.metaInterval;
            metaLayers = c.metaLayers;
            normalizeWeights = c.normalizeWeights;
            focalGamma = c.focalGamma;
            finetuneEpochs = c.finetuneEpochs;
            finetuneLrFactor = c.finetuneLrFactor;
            families = c.families == defaultFamilies(c.method) ? null : c.families;
            warmupEpochs = c.warmupEpochs;
            freezeV = c.freezeV;
            seed = c.seed;
            precision = c.precision;
        }

        /**
         * @param v mlp, lenet or resnet32 ({@link Model#of})
         * @return this
         */
        public Builder model(String v) {
            return model(Model.of(v));
        }

        /** @param v the classifier @return this */
        public Builder model(Model v) {
            model = v;
            return this;
        }

        /** @param v hidden width (default: {@link Model#defaultWidth} of the model) @return this */
        public Builder hidden(int v) {
            hidden = v;
            return this;
        }

        /**
         * @param v a method's name ({@link Method#of})
         * @return this
         * @throws IllegalArgumentException naming the accepted names when there is no such method
         */
        public Builder method(String v) {
            return method(Method.of(v));
        }

        /** @param v the method @return this */
        public Builder method(Method v) {
            method = v;
            return this;
        }

        /** @param v epochs @return this */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** @param v batch size @return this */
        public Builder batch(int v) {
            batch = v;
            return this;
        }

        /** @param v meta batch size (default: the batch size) @return this */
        public Builder metaBatch(int v) {
            metaBatch = v;
            return this;
        }

        /** @param v micro-batches per iteration (default 1) @return this */
        public Builder accumulate(int v) {
            accumulate = v;
            return this;
        }

        /** @param v iterations between parameter averages, or 0 for gradient averaging (the default) @return this */
        public Builder syncEvery(int v) {
            syncEvery = v;
            return this;
        }

        /** @param v learning rate @return this */
        public Builder lr(double v) {
            lr = v;
            return this;
        }

        /** @param v decay factor @return this */
        public Builder lrDecay(double v) {
            lrDecay = v;
            return this;
        }

        /** @param v decay epochs @return this */
        public Builder lrMilestones(List<Integer> v) {
            lrMilestones = v;
            return this;
        }

        /** @param v momentum @return this */
        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        /** @param v weight decay @return this */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** @param v V-net learning rate @return this */
        public Builder metaLr(double v) {
            metaLr = v;
            return this;
        }

        /** @param v V-net weight decay @return this */
        public Builder metaWeightDecay(double v) {
            metaWeightDecay = v;
            return this;
        }

        /** @param v V-net hidden width @return this */
        public Builder vHidden(int v) {
            vHidden = v;
            return this;
        }

        /** @param v meta interval k @return this */
        public Builder metaInterval(int v) {
            metaInterval = v;
            return this;
        }

        /** @param v which layers the look-ahead moves: all, last, last-stage or a number @return this */
        public Builder metaLayers(String v) {
            metaLayers = v;
            return this;
        }

        /** @param v normalise weights @return this */
        public Builder normalizeWeights(boolean v) {
            normalizeWeights = v;
            return this;
        }

        /** @param v focal gamma @return this */
        public Builder focalGamma(double v) {
            focalGamma = v;
            return this;
        }

        /** @param v fine-tuning epochs @return this */
        public Builder finetuneEpochs(int v) {
            finetuneEpochs = v;
            return this;
        }

        /** @param v the fine-tuning learning rate as a fraction of the learning rate @return this */
        public Builder finetuneLrFactor(double v) {
            finetuneLrFactor = v;
            return this;
        }

        /** @param v class families of a class-aware V (default 3 for cmwnet, 0 otherwise) @return this */
        public Builder families(int v) {
            families = v;
            return this;
        }

        /** @param v epochs of plain cross-entropy before the meta-learning (default 0) @return this */
        public Builder warmupEpochs(int v) {
            warmupEpochs = v;
            return this;
        }

        /** @param v weight with an imported V held fixed, without meta steps (default false) @return this */
        public Builder freezeV(boolean v) {
            freezeV = v;
            return this;
        }

        /** @param v seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * @param v float or double ({@link Precision#of})
         * @return this
         * @throws SettingException for another name
         */
        public Builder precision(String v) {
            return precision(Precision.of(v));
        }

        /** @param v the precision @return this */
        public Builder precision(Precision v) {
            precision = v;
            return this;
        }

        /** @return the validated configuration */
        public TrainConfig build() {
            return new TrainConfig(model, hidden != null ? hidden : model.defaultWidth(), method, epochs, batch,
                    metaBatch != null ? metaBatch : batch, accumulate, syncEvery, lr, lrDecay, lrMilestones, momentum,
                    weightDecay, metaLr, metaWeightDecay, vHidden, metaInterval, metaLayers, normalizeWeights,
                    focalGamma, finetuneEpochs, finetuneLrFactor, families != null ? families : defaultFamilies(method),
                    warmupEpochs, freezeV, seed, precision);
        }
    }
}
