/**
 * Data: the built-in datasets (IDX, CIFAR, downloads checked against MD5), the user's files (image folders, CSV,
 * {@code .npy}, {@code .npz}, label lists), label noise and long tails, the train / meta / validation / test splits,
 * batches and shards drawn from named seed streams, and the exception of a setting out of its range
 * ({@link org.mwnet.data.SettingException}). May import {@code io} only: every other package may use it.
 */
package org.mwnet.data;
