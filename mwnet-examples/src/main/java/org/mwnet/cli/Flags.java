package org.mwnet.cli;

import java.util.Locale;
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
        try {
            return check.get();
        } catch (SettingException e) {
            throw new IllegalArgumentException(e.describe(Flags::of), e);
        }
    }
}
