/**
 * Training: the configuration and its rules ({@link org.mwnet.train.TrainConfig}, {@link org.mwnet.train.Method},
 * {@link org.mwnet.train.SettingException}), the methods' iterations ({@link org.mwnet.train.Methods}: the meta
 * update and the actual update), micro-batches and parameter averaging, optimisers, the
 * {@link org.mwnet.train.Trainer}, checkpoints and the trained model. May import {@code data}, {@code nn},
 * {@code meta}, {@code natives} and {@code eval}; {@code eval} imports it too (the run's metrics hold its
 * configuration), a cycle still to be broken.
 */
package org.mwnet.train;
