package org.mwnet.data;

/**
 * A dataset's official training and test parts, and how its files became samples.
 *
 * @param train the training part (the pool from which meta, validation and training sets are drawn)
 * @param test the test part, used only for reporting, never for selection
 * @param input the format, class names, shape and normalisation of the samples
 */
public record TrainTest(Dataset train, Dataset test, InputSettings input) {
}
