package org.mwnet.data;

/**
 * A dataset's official training and test parts.
 *
 * @param train the training part (the pool from which meta, validation and training sets are drawn)
 * @param test the test part, used only for reporting, never for selection
 */
public record TrainTest(Dataset train, Dataset test) {
}
