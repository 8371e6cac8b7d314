package org.mwnet.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files under a temporary name in the target directory and renames them into place, so no partial file is ever
 * visible. A write holds a lock on its temporary file; a process killed mid-write ({@code kill -9}) leaves the file,
 * unlocked, and the next write of the same target removes it.
 */
public final class AtomicFiles {
    /** Temporary files are named {@code .<target name><random digits>.part}. */
    private static final String TEMPORARY_SUFFIX = ".part";

    private AtomicFiles() {
    }

    /**
     * @param file a path
     * @return true when its name is that of a temporary file of this class (one left behind by a killed write)
     */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param out the stream to the temporary file
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically and durably: the content is synced to disk before the rename, and on any failure
     * the temporary file is deleted and the target is untouched.
     *
     * @param target the final path
     * @param writer produces the content
     * @throws IOException when writing or renaming fails; the message names {@code target} (never the temporary
     *     file) and the reason, such as a full disk
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + target + ": it is a directory; expected a file name");
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeAbandoned(target);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), TEMPORARY_SUFFIX);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // marks the write as alive (released when this process ends, however it ends)
                channel.lock();
                OutputStream out = new java.io.BufferedOutputStream(unclosable(Channels.newOutputStream(channel)), 1 << 16);
                writer.writeTo(out);
                out.flush();
                // on the disk before the rename, so that a power loss leaves the old file or the new one, never an empty one
                channel.force(true);
            }
            moveIntoPlace(tmp, target);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Removes the temporary files of {@code target} that no live write holds: those of writes killed before they
     * could remove them. A write in progress, in this process or another, holds its file's lock and is left alone.
     *
     * @param target a file that {@link #write} writes
     * @throws IOException when the target's folder cannot be listed
     */
    public static void removeAbandoned(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName();
        List<Path> temporaries;
        try (Stream<Path> entries = Files.list(dir)) {
            temporaries = entries.filter(p -> isTemporaryOf(p.getFileName().toString(), prefix)).toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path tmp : temporaries) {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    Files.deleteIfExists(tmp); // while holding the lock, so no write can take it meanwhile
                }
            } catch (OverlappingFileLockException | NoSuchFileException e) {
                // written by this process right now, or removed meanwhile
            }
        }
    }

    /** @return whether {@code name} is {@code prefix}, random digits and the temporary suffix */
    private static boolean isTemporaryOf(String name, String prefix) {
        return name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX)
                && name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length()).chars()
                        .allMatch(Character::isDigit);
    }

    /** @return {@code out}, except that closing it only flushes (writers such as Jackson close what they are given) */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Makes a rename in {@code dir} durable; file systems that cannot sync a directory are left as they are. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system can open or sync a directory; the rename itself has succeeded
        }
    }

    /** @return why a write failed, without the temporary file's name that a file-system exception carries */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Renames a finished temporary file onto its target, atomically where the file system allows.
     *
     * @param tmp the finished file, in the target's directory
     * @param target the final path
     * @throws IOException when the rename fails
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
