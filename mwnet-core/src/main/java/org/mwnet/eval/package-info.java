/**
 * Evaluation: accuracy, predictions and their CSV, the rows of {@code weights.csv} and their file, weight diagnostics
 * and the ranking of suspected label errors, each epoch's metrics. May import {@code io}, {@code data},
 * {@code nn} and {@code meta}; {@code train} builds on it, never the other way.
 */
package org.mwnet.eval;
