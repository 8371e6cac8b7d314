package org.mwnet.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Checks and opens the files a user points mwnet at, with messages that say what is wrong with the path: missing,
 * a directory, or not readable. The JDK's own exceptions carry only the path.
 */
public final class DataFiles {
    /** The byte-order mark some programs write at the start of UTF-8 text. */
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private DataFiles() {
    }

    /**
     * @param file a path expected to be a readable regular file
     * @return null when it is one, else what is wrong with it ("is missing", "is a directory, not a file",
     *         "cannot be read (permission denied)")
     */
    public static String problem(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (!Files.exists(file)) {
            return "is missing";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a regular file";
        }
        return Files.isReadable(file) ? null : "cannot be read (permission denied)";
    }

    /**
     * Opens a data file for reading.
     *
     * @param file the file
     * @return its stream
     * @throws IOException when it cannot be opened; the message names the file and says why
     */
    public static InputStream open(Path file) throws IOException {
        String problem = problem(file);
        if (problem != null) {
            throw new FileSystemException(file.toString(), null, problem);
        }
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new FileSystemException(file.toString(), null, "cannot be read (permission denied)");
        }
    }

    /**
     * Opens a text data file (CSV, label lists) as UTF-8, without the byte-order mark that spreadsheet programs put
     * at its start ("CSV UTF-8"), which would otherwise become part of the first header name.
     *
     * @param file the file
     * @return its characters, after any byte-order mark
     * @throws IOException when it cannot be opened; the message names the file and says why
     */
    public static Reader openText(Path file) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8));
        in.mark(1);
        if (in.read() != BYTE_ORDER_MARK) {
            in.reset();
        }
        return in;
    }
}
