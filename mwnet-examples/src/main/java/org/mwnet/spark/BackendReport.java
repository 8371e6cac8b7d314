package org.mwnet.spark;

import java.io.Serializable;

/**
 * What an executor tells the driver about its backend when it starts.
 *
 * @param executor the executor's id
 * @param host the executor's host
 * @param said the backend that loaded and why ({@link org.mwnet.backend.LoadedBackend#line()}), or why none could
 * @param failed whether the executor could not get the backend requested (it ends itself after the report)
 */
record BackendReport(String executor, String host, String said, boolean failed) implements Serializable {
    /** @return the report as one line, e.g. {@code executor 1 on host: backend cpu: requested; running ...} */
    String line() {
        return "executor " + executor + " on " + host + (failed ? " cannot use its backend: " : ": ") + said;
    }
}
