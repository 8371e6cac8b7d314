/**
 * Charts and image grids a run writes: learning curves, the learned weighting function, suspect images. May import
 * {@code data} and {@code eval}.
 */
package org.mwnet.plots;
