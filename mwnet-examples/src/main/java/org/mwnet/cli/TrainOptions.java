package org.mwnet.cli;

import java.util.List;
import java.util.Map;
import org.mwnet.nn.Models;
import org.mwnet.train.Method;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options of a training run (model, method and optimisation), shared by {@code train} and {@code demo}. Their
 * defaults are {@link TrainConfig#defaults()}'s (the fields' initial values, which picocli shows as the default).
 */
final class TrainOptions {
    private static final TrainConfig DEFAULTS = TrainConfig.defaults();

    @Option(names = "--model", description = "mlp, lenet or resnet32 (default: ${DEFAULT-VALUE}).")
    String model = DEFAULTS.model().toString();

    @Option(names = "--hidden", description = "MLP hidden width (default " + Models.MLP_WIDTH
            + ") or ResNet base width (default " + Models.RESNET_WIDTH + ").")
    Integer hidden;

    @Option(names = "--method", converter = MethodName.class, description = "mwnet, cmwnet (CMW-Net: a class-aware "
            + "V, one head per --families group of classes), ce, focal, finetune or l2rw (default: ${DEFAULT-VALUE}).")
    Method method = DEFAULTS.method();

    @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.batch();

    @Option(names = "--meta-batch", description = "Meta batch size (default: the training batch size).")
    Integer metaBatch;

    @Option(names = "--accumulate", paramLabel = "P", description = "Split each iteration's --batch and meta batch "
            + "into P equal micro-batches, drawn from P fixed shards of the training set, each taking its own "
            + "look-ahead; their gradients are averaged into one update: the single-process form of training on P "
            + "data-parallel workers (default: ${DEFAULT-VALUE}, no split).")
    int accumulate = DEFAULTS.accumulate();

    @Option(names = "--sync-every", paramLabel = "K", description = "Average parameters instead of gradients, with "
            + "--accumulate P or --workers P (P >= 2): each worker trains its own copy of the classifier, V, their "
            + "optimiser states and BatchNorm buffers on its micro-batches for K iterations, then the copies are "
            + "averaged, also at the end of every epoch; methods mwnet, ce and focal (default: average gradients "
            + "every iteration).")
    Integer syncEvery;

    @Option(names = "--lr", description = "Classifier learning rate, multiplied by --lr-decay at 2/3 and 5/6 of the "
            + "epochs or at --lr-milestones (default: ${DEFAULT-VALUE}).")
    double lr = DEFAULTS.lr();

    @Option(names = "--lr-decay", description = "Learning-rate multiplier at each milestone, in (0, 1] "
            + "(default: ${DEFAULT-VALUE}).")
    double lrDecay = DEFAULTS.lrDecay();

    @Option(names = "--lr-milestones", split = ",",
            description = "Epochs (0-based) where the learning rate decays by --lr-decay, e.g. 10,12.")
    List<Integer> lrMilestones;

    @Option(names = "--momentum", description = "Classifier SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum = DEFAULTS.momentum();

    @Option(names = "--weight-decay", description = "Classifier weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--meta-lr", description = "V-net Adam learning rate (default: ${DEFAULT-VALUE}).")
    double metaLr = DEFAULTS.metaLr();

    @Option(names = "--meta-weight-decay", description = "V-net Adam weight decay (default: ${DEFAULT-VALUE}).")
    double metaWeightDecay = DEFAULTS.metaWeightDecay();

    @Option(names = "--v-hidden", description = "V-net hidden size (default: ${DEFAULT-VALUE}).")
    int vHidden = DEFAULTS.vHidden();

    @Option(names = "--families", description = "Method cmwnet: its V's heads, one per family of classes grouped by "
            + "how many training samples carry their (noisy) label, by exact 1-D k-means (default: 3).")
    Integer families;

    @Option(names = "--warmup-epochs", paramLabel = "E", description = "Methods mwnet and cmwnet: train the first E "
            + "epochs with plain cross-entropy (as --method ce) and meta-learn only in the rest; CMW-Net's warm-up, or "
            + "with most epochs its long-tail recipe (default: ${DEFAULT-VALUE}).")
    int warmupEpochs = DEFAULTS.warmupEpochs();

    @Option(names = "--freeze-v", description = "Methods mwnet and cmwnet: weight the samples with the V of "
            + "--init-v held fixed and take no meta step, so the run needs no trusted set (--meta, --carve-meta): a V "
            + "learned on one task reused on another. A class-aware V's families come from this run's own labels.")
    boolean freezeV;

    @Option(names = "--meta-interval", description = "Update V every k iterations (default: ${DEFAULT-VALUE}).")
    int metaInterval = DEFAULTS.metaInterval();

    @Option(names = "--meta-layers", description = "Which layers the meta step's look-ahead moves: all (the paper's "
            + "exact step, the default), last (the final layer), last-stage (ResNet-32's last residual stage and the "
            + "final layer) or N (the last N layers with parameters, a residual block counting as one); the layers "
            + "below keep their weights in the look-ahead. Methods mwnet and l2rw.")
    String metaLayers = DEFAULTS.metaLayers();

    @Option(names = "--normalize-weights",
            description = "Divide V's weights by their batch sum (as the official code's later versions) instead of by "
                    + "the batch size n (the paper's algorithm, the default).")
    boolean normalizeWeights;

    @Option(names = "--focal-gamma", description = "Focal loss gamma (default: ${DEFAULT-VALUE}).")
    double focalGamma = DEFAULTS.focalGamma();

    @Option(names = "--finetune-epochs",
            description = "Epochs on the meta set after training, method finetune (default: ${DEFAULT-VALUE}).")
    int finetuneEpochs = DEFAULTS.finetuneEpochs();

    @Option(names = "--finetune-lr-factor", description = "Learning rate of the fine-tuning epochs as a fraction of "
            + "--lr, in (0, 1], method finetune (default: ${DEFAULT-VALUE}).")
    double finetuneLrFactor = DEFAULTS.finetuneLrFactor();

    @Option(names = "--precision", description = "float or double (default: ${DEFAULT-VALUE}).")
    String precision = DEFAULTS.precision().toString();

    /** The flag that set {@link #accumulate}: {@code --accumulate}, or {@code --workers} on Spark. */
    String accumulateFlag = "--accumulate";

    /**
     * @param seed the run's seed
     * @return the validated configuration
     * @throws IllegalArgumentException for a value out of its range, naming the flag ({@link Flags})
     */
    TrainConfig config(long seed) {
        return Flags.naming(() -> builder(seed).build(), Map.of("accumulate", accumulateFlag));
    }

    private TrainConfig.Builder builder(long seed) {
        TrainConfig.Builder b = new TrainConfig.Builder().model(model).method(method).epochs(epochs).batch(batch)
                .accumulate(accumulate).lr(lr).lrDecay(lrDecay)
                .lrMilestones(lrMilestones == null ? List.of() : lrMilestones).momentum(momentum)
                .weightDecay(weightDecay).metaLr(metaLr).metaWeightDecay(metaWeightDecay).vHidden(vHidden)
                .metaInterval(metaInterval).metaLayers(metaLayers)
                .normalizeWeights(normalizeWeights).focalGamma(focalGamma)
                .finetuneEpochs(finetuneEpochs).finetuneLrFactor(finetuneLrFactor).warmupEpochs(warmupEpochs)
                .freezeV(freezeV).seed(seed).precision(precision);
        if (families != null) {
            b.families(families);
        }
        if (hidden != null) {
            b.hidden(hidden);
        }
        if (metaBatch != null) {
            b.metaBatch(metaBatch);
        }
        if (syncEvery != null) {
            b.syncEvery(syncEvery);
        }
        return b;
    }

    /** Reads {@code --method} by the method's name, refusing others with the names it accepts. */
    static final class MethodName implements ITypeConverter<Method> {
        @Override
        public Method convert(String name) {
            try {
                return Method.of(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
