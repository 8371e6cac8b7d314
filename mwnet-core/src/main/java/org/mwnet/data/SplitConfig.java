package org.mwnet.data;

/**
 * How the official training part is divided and corrupted.
 *
 * @param metaSize size of the clean, class-balanced meta set (a multiple of K); 0 for none
 * @param validationSize size of the clean, class-balanced validation split (a multiple of K); 0 for none
 * @param imbalance long-tail factor r (1 for balanced)
 * @param noise label-noise model applied to the training set
 * @param noiseRate p in [0, 1]
 * @param seed the seed of every draw
 */
public record SplitConfig(int metaSize, int validationSize, double imbalance, NoiseType noise, double noiseRate,
                          long seed) {
    /** Validates the fields: a {@link SettingException} names the one out of its range. */
    public SplitConfig {
        if (metaSize < 0) {
            throw new SettingException("{metaSize} must be at least 0, got " + metaSize);
        }
        if (validationSize < 0) {
            throw new SettingException("{validationSize} must be at least 0, got " + validationSize);
        }
        if (!(noiseRate >= 0 && noiseRate <= 1)) {
            throw new SettingException("{noiseRate} must be in [0, 1], got " + noiseRate);
        }
        if (noise == NoiseType.NONE && noiseRate != 0) {
            throw new SettingException("{noiseRate} " + noiseRate + " needs {noise} uniform, flip or pair");
        }
        if (noise != NoiseType.NONE && noiseRate == 0) {
            throw new SettingException("{noise} " + noise.cliName() + " needs {noiseRate} in (0, 1]");
        }
        if (!(imbalance >= 1) || Double.isInfinite(imbalance)) {
            throw new SettingException("{imbalance} must be a finite factor >= 1, got " + imbalance);
        }
    }

    /** @return the paper's setting: 1000 meta samples, no validation split, balanced, no noise, seed 1 */
    public static SplitConfig defaults() {
        return new SplitConfig(1000, 0, 1, NoiseType.NONE, 0, 1);
    }

    /** @param type noise model @param rate p @return a copy with that noise */
    public SplitConfig withNoise(NoiseType type, double rate) {
        return new SplitConfig(metaSize, validationSize, imbalance, type, rate, seed);
    }

    /** @param n meta set size @return a copy with that meta set size */
    public SplitConfig withMetaSize(int n) {
        return new SplitConfig(n, validationSize, imbalance, noise, noiseRate, seed);
    }

    /** @param n validation size @return a copy with that validation size */
    public SplitConfig withValidationSize(int n) {
        return new SplitConfig(metaSize, n, imbalance, noise, noiseRate, seed);
    }

    /** @param r long-tail factor @return a copy with that imbalance */
    public SplitConfig withImbalance(double r) {
        return new SplitConfig(metaSize, validationSize, r, noise, noiseRate, seed);
    }

    /** @param s seed @return a copy with that seed */
    public SplitConfig withSeed(long s) {
        return new SplitConfig(metaSize, validationSize, imbalance, noise, noiseRate, s);
    }
}
