/**
 * Training: the configuration and its rules ({@link org.mwnet.train.TrainConfig}, {@link org.mwnet.train.Method},
 * {@link org.mwnet.train.SettingException}), the methods' iterations ({@link org.mwnet.train.Methods}: the meta
 * update and the actual update), micro-batches and parameter averaging, optimisers, the
 * {@link org.mwnet.train.Trainer}, checkpoints, the trained model, the run's metrics and its per-sample report. May
 * import {@code io}, {@code data}, {@code nn}, {@code meta}, {@code natives} and {@code eval}.
 */
package org.mwnet.train;
