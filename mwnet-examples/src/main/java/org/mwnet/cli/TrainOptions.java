package org.mwnet.cli;

import java.util.List;
import org.mwnet.train.TrainConfig;
import picocli.CommandLine.Option;

/** Options of a training run (model, method and optimisation), shared by {@code train} and {@code demo}. */
final class TrainOptions {
    @Option(names = "--model", defaultValue = "mlp", description = "mlp, lenet or resnet32 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--hidden", description = "MLP hidden width (default 256) or ResNet base width (default 16).")
    Integer hidden;

    @Option(names = "--method", defaultValue = "mwnet",
            description = "ce, mwnet, focal, finetune or l2rw (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--epochs", defaultValue = "15", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "100", description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--meta-batch", description = "Meta batch size (default: the training batch size).")
    Integer metaBatch;

    @Option(names = "--lr", defaultValue = "0.1",
            description = "Classifier learning rate, x0.1 at 2/3 and 5/6 of the epochs (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-milestones", split = ",",
            description = "Epochs (0-based) where the learning rate decays by 0.1, e.g. 10,12.")
    List<Integer> lrMilestones;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Classifier SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "5e-4", description = "Classifier weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--meta-lr", defaultValue = "1e-3", description = "V-net Adam learning rate (default: ${DEFAULT-VALUE}).")
    double metaLr;

    @Option(names = "--meta-weight-decay", defaultValue = "1e-4",
            description = "V-net Adam weight decay (default: ${DEFAULT-VALUE}).")
    double metaWeightDecay;

    @Option(names = "--v-hidden", defaultValue = "100", description = "V-net hidden size (default: ${DEFAULT-VALUE}).")
    int vHidden;

    @Option(names = "--meta-interval", defaultValue = "1",
            description = "Update V every k iterations (default: ${DEFAULT-VALUE}).")
    int metaInterval;

    @Option(names = "--normalize-weights",
            description = "Divide V's weights by their batch sum (as the official code's later versions) instead of by "
                    + "the batch size n (the paper's algorithm, the default).")
    boolean normalizeWeights;

    @Option(names = "--focal-gamma", defaultValue = "2", description = "Focal loss gamma (default: ${DEFAULT-VALUE}).")
    double focalGamma;

    @Option(names = "--finetune-epochs", defaultValue = "5",
            description = "Epochs on the meta set after training, method finetune (default: ${DEFAULT-VALUE}).")
    int finetuneEpochs;

    @Option(names = "--precision", defaultValue = "float", description = "float or double (default: ${DEFAULT-VALUE}).")
    String precision;

    /**
     * @param seed the run's seed
     * @return the validated configuration
     */
    TrainConfig config(long seed) {
        return new TrainConfig.Builder().model(model)
                .hidden(hidden != null ? hidden : model.equals("resnet32") ? 16 : 256)
                .method(method).epochs(epochs).batch(batch).metaBatch(metaBatch != null ? metaBatch : batch).lr(lr)
                .lrMilestones(lrMilestones == null ? List.of() : lrMilestones).momentum(momentum)
                .weightDecay(weightDecay).metaLr(metaLr).metaWeightDecay(metaWeightDecay).vHidden(vHidden)
                .metaInterval(metaInterval).normalizeWeights(normalizeWeights).focalGamma(focalGamma)
                .finetuneEpochs(finetuneEpochs).seed(seed).precision(precision).build();
    }
}
