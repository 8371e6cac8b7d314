package org.mwnet.dl4j;

/**
 * One DL4J parameter and the mwnet parameter (or buffer) that holds the same values.
 *
 * @param layer the DL4J layer's index
 * @param key the parameter's key in that layer ({@code W}, {@code b}, {@code gamma}, {@code var}, ...)
 * @param name the mwnet parameter's name
 * @param layout how the two arrays are laid out
 */
record ParamBinding(int layer, String key, String name, Layout layout) {
}
