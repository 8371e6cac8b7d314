package org.mwnet.data;

import java.io.IOException;

/** A dataset that could be neither found on disk nor downloaded; the message says where it looked and how to get it. */
public final class DataUnavailableException extends IOException {
    /** @param message one line naming the places searched and the remedy */
    public DataUnavailableException(String message) {
        super(message);
    }
}
