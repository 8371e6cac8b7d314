package org.mwnet.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.mwnet.io.FileTrees;

/**
 * The Spark driver's scratch space ({@code spark.local.dir}: Spark's {@code spark-<uuid>} and {@code blockmgr-<uuid>}
 * folders), a folder of this run's own under one root, {@code <java.io.tmpdir>/mwnet-spark-<user>}.
 *
 * <p>Spark deletes its folders when its context stops, and a run killed with {@code kill -9} leaves them behind. So a
 * run holds a lock on {@code run-<id>.lock} beside its folder {@code run-<id>} for as long as it lives, and each run's
 * start removes the folders whose lock nobody holds (their run died; the operating system released its lock), so a
 * crashed run's leftovers go at the next Spark run's start. Runs start one at a time, under a lock on the root's
 * {@code .lock}, so no start sees another's lock file before it is locked.
 */
final class SparkScratch implements AutoCloseable {
    private static final String LOCK_SUFFIX = ".lock";
    private static final String ROOT_LOCK = ".lock";

    private final Path dir;
    private final FileChannel lockChannel;

    private SparkScratch(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    /** @return the default root: {@code <java.io.tmpdir>/mwnet-spark-<user>} */
    static Path defaultRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "mwnet-spark-" + System.getProperty("user.name"));
    }

    /**
     * Removes the folders of runs that died, then creates and locks this run's.
     *
     * @param root the folder that holds every run's scratch folder
     * @return this run's scratch space
     * @throws UncheckedIOException when the root cannot be created or listed
     */
    static synchronized SparkScratch create(Path root) {
        try {
            Files.createDirectories(root);
            try (FileChannel rootLock = FileChannel.open(root.resolve(ROOT_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock starting = rootLock.lock()) {
                removeDead(root);
                Path lockFile = Files.createTempFile(root, "run-", LOCK_SUFFIX);
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                channel.lock();
                return new SparkScratch(Files.createDirectories(folderOf(lockFile)), channel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Spark's scratch folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return this run's folder, for {@code spark.local.dir} */
    Path dir() {
        return dir;
    }

    /** Deletes this run's folder (Spark's context has stopped) and releases its lock. */
    @Override
    public void close() {
        Path lockFile = Path.of(dir + LOCK_SUFFIX);
        try (lockChannel) {
            FileTrees.delete(dir);
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // a folder Spark still writes into: the next run's start removes it
        }
    }

    private static Path folderOf(Path lockFile) {
        String name = lockFile.getFileName().toString();
        return lockFile.resolveSibling(name.substring(0, name.length() - LOCK_SUFFIX.length()));
    }

    /** Removes each run folder whose lock file is unlocked, and each folder without a lock file. */
    private static void removeDead(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(root)) {
            entries = s.filter(p -> !p.getFileName().toString().equals(ROOT_LOCK)).toList();
        }
        for (Path entry : entries) {
            if (entry.getFileName().toString().endsWith(LOCK_SUFFIX)) {
                removeIfUnlocked(entry);
            } else if (!Files.exists(Path.of(entry + LOCK_SUFFIX))) {
                FileTrees.delete(entry);
            }
        }
    }

    private static void removeIfUnlocked(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // a run in this JVM holds it
            }
            if (lock != null) {
                // delete while holding the lock: the folder first, so a folder never outlives its lock file
                FileTrees.delete(folderOf(lockFile));
                Files.deleteIfExists(lockFile);
            }
        } catch (NoSuchFileException e) {
            // another run's start removed it meanwhile
        }
    }
}
