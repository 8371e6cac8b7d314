package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that exists but does not hold what its format requires; the message names the file and the expectation. */
public final class DataFormatException extends IOException {
    /**
     * @param file the offending file
     * @param problem what was wrong and what was expected
     */
    public DataFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
