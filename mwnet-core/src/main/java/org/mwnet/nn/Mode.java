package org.mwnet.nn;

/** Whether a forward pass trains (BatchNorm uses batch statistics) or evaluates (running statistics). */
public enum Mode {
    /** Batch statistics; BatchNorm reports them for the running-average update. */
    TRAIN,
    /** Running statistics. */
    EVAL
}
