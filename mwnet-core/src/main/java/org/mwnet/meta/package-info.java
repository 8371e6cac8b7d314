/**
 * The bilevel step as one SameDiff graph ({@link org.mwnet.meta.MetaStepGraph}: the look-ahead and the meta loss,
 * differentiated for V's parameters), the classifier update's graph, and the sample weightings: V
 * ({@link org.mwnet.meta.WeightNet}), uniform, focal, explicit. May import {@code nn} only.
 */
package org.mwnet.meta;
