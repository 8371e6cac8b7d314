package org.mwnet.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.mwnet.data.SettingException;

/**
 * The one map from the library's settings to the flags that set them: each flag is the configuration record's
 * component name in kebab case ({@code metaLr} is {@code --meta-lr}, {@code noiseRate} {@code --noise-rate}). Core
 * checks every setting ({@code TrainConfig}, {@code SplitConfig}); the command line runs those checks through
 * {@link #naming} so that their messages name flags.
 */
final class Flags {
    private Flags() {
    }

    /**
     * @param field a configuration record's component
     * @return its flag
     */
    static String of(String field) {
        return "--" + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Runs a core check, saying what it refuses in flags.
     *
     * @param check a check of core's, returning what it checked or built
     * @param <T> what it returns
     * @return what the check returned
     * @throws IllegalArgumentException for a value out of its range, naming the flags
     */
    static <T> T naming(Supplier<T> check) {
        return naming(check, Map.of());
    }

    /**
     * Runs a core check, saying what it refuses in flags, some of them set by another flag than their own (on Spark,
     * {@code --workers} sets the micro-batch count that {@code --accumulate} sets in one process).
     *
     * @param check a check of core's, returning what it checked or built
     * @param setBy the flag that set each of those settings, by the configuration record's component
     * @param <T> what it returns
     * @return what the check returned
     * @throws IllegalArgumentException for a value out of its range, naming the flags
     */
    static <T> T naming(Supplier<T> check, Map<String, String> setBy) {
        try {
            return check.get();
        } catch (SettingException e) {
            throw new IllegalArgumentException(e.describe(field -> setBy.getOrDefault(field, of(field))), e);
        }
    }
}
