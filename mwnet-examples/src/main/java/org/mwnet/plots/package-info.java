/**
 * Charts and image grids a run writes: learning curves, the learned weighting function, suspect images. May import
 * {@code io}, {@code data}, {@code eval} and {@code train} (a run's metrics).
 */
package org.mwnet.plots;
