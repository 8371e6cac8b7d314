package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The training methods, with what the rest of the code needs to know of each. Their names ({@link #toString}) are
 * those of the command line, {@code metrics.json} and checkpoints.
 */
public enum Method {
    /** Meta-Weight-Net: V(loss; theta) weights the samples and is learned through the look-ahead. */
    MWNET("mwnet", true, true, true, false, false),
    /**
     * CMW-Net (Shu et al. 2023): MW-Net's step with a class-aware V, one head per family of classes grouped by their
     * training-sample counts ({@link org.mwnet.meta.ClassFamilies}).
     */
    CMWNET("cmwnet", true, true, true, false, true),
    /** Plain cross-entropy. */
    CE("ce", false, false, true, false, false),
    /** Focal loss (Lin et al. 2017). */
    FOCAL("focal", false, false, true, false, false),
    /** Cross-entropy, then fine-tuning on the meta set, selected on a validation split. */
    FINETUNE("finetune", false, false, false, true, false),
    /** Learning to Reweight (Ren et al. 2018): per-sample weights from each batch's own look-ahead. */
    L2RW("l2rw", false, true, false, false, false);

    private final String name;
    private final boolean learnsV;
    private final boolean metaStep;
    private final boolean independentMicroBatches;
    private final boolean needsValidation;
    private final boolean classAware;

    Method(String name, boolean learnsV, boolean metaStep, boolean independentMicroBatches,
           boolean needsValidation, boolean classAware) {
        this.name = name;
        this.learnsV = learnsV;
        this.metaStep = metaStep;
        this.independentMicroBatches = independentMicroBatches;
        this.needsValidation = needsValidation;
        this.classAware = classAware;
    }

    /**
     * @param name a method's name, as the command line and files write it
     * @return the method
     * @throws IllegalArgumentException naming the accepted names when there is no such method
     */
    @JsonCreator
    public static Method of(String name) {
        return Arrays.stream(values()).filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + name + "'; expected one of "
                        + names(m -> true)));
    }

    /**
     * @param which a property of methods
     * @return the names of the methods that have it, in declaration order
     */
    public static List<String> names(Predicate<Method> which) {
        return Arrays.stream(values()).filter(which).map(Method::toString).toList();
    }

    /**
     * @param which a property of methods
     * @return the names of the methods that have it, in words: "mwnet", "mwnet or cmwnet", "mwnet, cmwnet or l2rw"
     */
    public static String listed(Predicate<Method> which) {
        List<String> names = names(which);
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** @return whether it learns the weighting network V (and so has theta, vnet.zip and weights by V) */
    public boolean learnsV() {
        return learnsV;
    }

    /** @return whether its iterations take a meta step (a look-ahead differentiated on the meta batch) */
    public boolean hasMetaStep() {
        return metaStep;
    }

    /**
     * @return whether its micro-batches are independent of each other's results, so that data-parallel workers can
     *     compute them and parameter averaging can train it
     */
    public boolean independentMicroBatches() {
        return independentMicroBatches;
    }

    /** @return whether it trains on the meta set and so selects its epoch on a validation split */
    public boolean needsValidation() {
        return needsValidation;
    }

    /** @return whether its V is class-aware: one head per class family ({@link TrainConfig#families}) */
    public boolean classAware() {
        return classAware;
    }

    /** @return the method's name, as the command line and files write it */
    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
