/**
 * Evaluation: accuracy, predictions and their CSV, the per-sample report of a run ({@code weights.csv}), weight
 * diagnostics and the ranking of suspected label errors, the run's metrics. May import {@code data}, {@code nn} and
 * {@code meta}; it also imports {@code train} (a run's configuration and trained model), a cycle still to be broken.
 */
package org.mwnet.eval;
