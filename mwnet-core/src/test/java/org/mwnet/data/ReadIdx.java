package org.mwnet.data;

import java.nio.file.Path;

/** Reads an IDX file, in this JVM or as the main class of another, and tells how the read failed. */
final class ReadIdx {
    private ReadIdx() {
    }

    /**
     * @param file an IDX file of rank 1
     * @return the class and message of what reading it threw, e.g. {@code java.nio.file.FileSystemException: FILE:
     *     cannot be read (permission denied)}, or "read" when it was read
     */
    static String failure(Path file) {
        try {
            Idx.read(file, 1);
            return "read";
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** @param args the file; prints {@link #failure} of it */
    public static void main(String[] args) {
        System.out.println(failure(Path.of(args[0])));
    }
}
