/**
 * Deeplearning4j networks in and out: an mwnet {@link org.mwnet.nn.Network} built from a DL4J
 * {@code MultiLayerConfiguration} ({@link org.mwnet.dl4j.Dl4jNetworks}), and the trained parameters written back as a
 * DL4J {@code MultiLayerNetwork} in DL4J's own parameter layout ({@link org.mwnet.dl4j.Dl4jNetwork}).
 *
 * <p>This package needs {@code org.deeplearning4j:deeplearning4j-nn}, an optional dependency of mwnet-core: add it to
 * a project that uses this package. Nothing else in mwnet loads a DL4J class.
 */
package org.mwnet.dl4j;
