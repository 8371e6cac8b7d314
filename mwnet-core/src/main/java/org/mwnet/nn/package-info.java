/**
 * Networks as SameDiff graphs: each layer's forward pass and its explicit vector-Jacobian product written as ops
 * SameDiff can differentiate once more, the shipped models ({@link org.mwnet.nn.Model}, {@link org.mwnet.nn.Models}),
 * parameters, and the forward-only inference graph. May import {@code data} and {@code natives}.
 */
package org.mwnet.nn;
