package org.mwnet.data;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting of a configuration record ({@link SplitConfig}, {@code org.mwnet.train.TrainConfig}) out of its range.
 * The message names settings by the library's words ("learning rate"); {@link #describe} names them otherwise, so
 * that the command line says which flag ({@code --lr}) with the rule written once, in core.
 */
public final class SettingException extends IllegalArgumentException {
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");
    /** The library's words for the settings whose field name is not already plain words. */
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("lr", "learning rate"),
            Map.entry("metaLr", "meta learning rate"), Map.entry("lrDecay", "learning-rate decay"),
            Map.entry("lrMilestones", "learning-rate milestones"), Map.entry("weightDecay", "weight decay"),
            Map.entry("metaWeightDecay", "meta weight decay"), Map.entry("vHidden", "V hidden size"),
            Map.entry("metaInterval", "meta interval"), Map.entry("metaBatch", "meta batch"),
            Map.entry("focalGamma", "focal gamma"), Map.entry("finetuneEpochs", "finetune epochs"),
            Map.entry("finetuneLrFactor", "fine-tuning learning-rate factor"),
            Map.entry("syncEvery", "sync every"), Map.entry("warmupEpochs", "warmup epochs"),
            Map.entry("freezeV", "freeze V"),
            Map.entry("validationSize", "validation size"),
            Map.entry("metaSize", "meta size"), Map.entry("noiseRate", "noise rate"),
            Map.entry("imbalance", "imbalance factor"));

    private final String field;
    private final String template;

    /**
     * @param template the message, with each setting it names as {@code {field}} (a configuration record's
     *     component); the first is the setting that is wrong
     */
    public SettingException(String template) {
        super(render(template, SettingException::words));
        Matcher m = FIELD.matcher(template);
        if (!m.find()) {
            throw new IllegalArgumentException("a setting's message names no setting: " + template);
        }
        this.field = m.group(1);
        this.template = template;
    }

    /** @return the wrong setting, as the configuration record's component name */
    public String field() {
        return field;
    }

    /**
     * @param nameOf the name to give each setting, from its component's name (e.g. its command-line flag)
     * @return the message with those names
     */
    public String describe(Function<String, String> nameOf) {
        return render(template, nameOf);
    }

    /**
     * @param field a configuration record's component
     * @return the library's words for it
     */
    static String words(String field) {
        return WORDS.getOrDefault(field, field);
    }

    private static String render(String template, Function<String, String> nameOf) {
        return FIELD.matcher(template).replaceAll(m -> Matcher.quoteReplacement(nameOf.apply(m.group(1))));
    }
}
