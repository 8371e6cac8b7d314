package org.mwnet.train;

import java.util.Arrays;

/**
 * Step decay: the base rate, multiplied by {@code factor} at each milestone epoch.
 *
 * @param base the initial learning rate
 * @param factor multiplier at each milestone (0.1 in the paper)
 * @param milestones epochs (0-based) from which each further decay applies, ascending
 */
public record LearningRateSchedule(double base, double factor, int[] milestones) {
    /** Validates the values. */
    public LearningRateSchedule {
        if (!(base > 0) || !(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("learning rate must be > 0 and decay factor in (0, 1], got " + base
                    + " and " + factor);
        }
        milestones = milestones.clone();
        Arrays.sort(milestones);
    }

    /**
     * The paper's recipe scaled to a run: decays by {@code factor} (0.1 in the paper) at 2/3 and 5/6 of the epochs.
     *
     * @param base initial rate
     * @param factor multiplier at each of the two milestones
     * @param epochs total epochs
     * @return the schedule
     */
    public static LearningRateSchedule paper(double base, double factor, int epochs) {
        return new LearningRateSchedule(base, factor, new int[] {Math.round(epochs * 2f / 3), Math.round(epochs * 5f / 6)});
    }

    /** @param epoch 0-based epoch @return its learning rate */
    public double at(int epoch) {
        int passed = (int) Arrays.stream(milestones).filter(m -> epoch >= m).count();
        return base * Math.pow(factor, passed);
    }
}
