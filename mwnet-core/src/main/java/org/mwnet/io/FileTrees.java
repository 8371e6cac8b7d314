package org.mwnet.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder with everything in it. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes a file, or a folder and everything under it, deepest first. A path that is missing, or goes while it
     * is deleted, is fine.
     *
     * @param root the file or folder
     * @throws IOException when something in it cannot be deleted
     */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
    }
}
