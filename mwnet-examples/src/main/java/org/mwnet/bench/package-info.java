/**
 * The benchmark suite: time per MW-Net iteration and per cross-entropy step, throughput, matmul GFLOP/s and memory,
 * with the PyTorch reference run side by side, as JSON records. May import the core packages and {@code backend};
 * nothing of {@code cli}.
 */
package org.mwnet.bench;
