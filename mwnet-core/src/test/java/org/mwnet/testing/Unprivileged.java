package org.mwnet.testing;

import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mwnet.io.FileTrees;

/**
 * Runs a JVM as a user whom file permissions stop, for the tests of "permission denied" messages: root reads and
 * writes every file whatever its permission bits, and CI runs the tests as root. As root, the child JVM runs as uid and
 * gid 65534 (nobody), without supplementary groups, through {@code setpriv} (util-linux) or else {@code runuser -u
 * nobody}; when neither is installed the test is skipped. A test that does not run as root needs none of this: it
 * meets the permissions itself.
 *
 * <p>That user reads only what all may read. The child's class path is this JVM's, with each entry it could not read
 * (the local Maven repository under {@code /root}, which only root may enter) hard-linked, or copied, into a folder
 * all may read; the test opens its own folders with {@link #openToAll}.
 */
public final class Unprivileged {
    /** The user and group the child runs as: nobody and nogroup. */
    public static final int ID = 65534;
    private static final Set<PosixFilePermission> OPEN_FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> OPEN_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static String classPath;

    private Unprivileged() {
    }

    /** What a child process printed and how it ended. */
    public record Output(int exitCode, String out, String err) {
        /**
         * Starts a process and waits for it (at most 120 s).
         *
         * @param process the process to start; its standard output and error are collected here
         * @return what it printed, and its exit code
         * @throws IOException when it cannot be started or its output read
         * @throws InterruptedException when interrupted while waiting
         */
        public static Output of(ProcessBuilder process) throws IOException, InterruptedException {
            Path out = Files.createTempFile("unprivileged", ".out");
            Path err = Files.createTempFile("unprivileged", ".err");
            try {
                Process p = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException(process.command() + " did not end within 120 s: "
                            + Files.readString(err));
                }
                return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        }
    }

    /** @return whether this JVM runs as root, whom permission bits do not stop */
    public static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /**
     * @return the command that starts this JVM's {@code java} as uid and gid {@value #ID}, without supplementary
     *     groups; skips the calling test (a failed assumption) when neither {@code setpriv} nor {@code runuser} is
     *     installed
     * @throws IllegalStateException when that user cannot reach {@code java} (a JDK installed under {@code /root})
     */
    public static List<String> java() {
        List<String> command = new ArrayList<>(dropPrivileges());
        command.add(javaExecutable());
        return command;
    }

    /** @return the command that runs the command line after it as uid and gid {@value #ID} */
    private static List<String> dropPrivileges() {
        Optional<Path> setpriv = executable("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--reuid=" + ID, "--regid=" + ID, "--clear-groups", "--");
        }
        Optional<Path> runuser = executable("runuser");
        assumeTrue(runuser.isPresent(), "running as root, where permissions do not stop reading, and neither "
                + "setpriv nor runuser is installed to run the check as another user");
        return List.of(runuser.get().toString(), "-u", "nobody", "--");
    }

    /** @return this JVM's {@code java}, checked that others may run it */
    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            if (!reachableByAll(java) || !permissions(java.toRealPath()).contains(OTHERS_EXECUTE)) {
                throw new IllegalStateException(java + " cannot be run by uid " + ID + "; install the JDK where all "
                        + "may read it to run the permission tests as root");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.toString();
    }

    /**
     * @return this JVM's class path as uid {@value #ID} can read it: the entries all may read as they are, the others
     *     hard-linked (or, on another file system or when the file itself is private, copied) into a folder all may
     *     read, which goes when this JVM ends
     * @throws IOException when an entry cannot be linked or copied
     */
    public static synchronized String classPath() throws IOException {
        if (classPath == null) {
            Path shared = Files.createTempDirectory("mwnet-class-path");
            Files.setPosixFilePermissions(shared, OPEN_FOLDER);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(shared)));
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.exists(path) || readableByAll(path)) {
                    entries.add(entry);
                } else {
                    entries.add(share(path, shared.resolve(entries.size() + "-" + path.getFileName())).toString());
                }
            }
            classPath = String.join(File.pathSeparator, entries);
        }
        return classPath;
    }

    /**
     * Lets all enter and list the folder and the folders in it, so that the unprivileged user meets the permissions of
     * the files in them (which this leaves as they are).
     *
     * @param dir a test's folder
     * @throws IOException when the permissions cannot be changed
     * @throws IllegalStateException when a folder above it is closed to others
     */
    public static void openToAll(Path dir) throws IOException {
        if (!reachableByAll(dir)) {
            throw new IllegalStateException("a folder above " + dir + " is closed to uid " + ID);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isDirectory).toList()) {
                Set<PosixFilePermission> permissions = permissions(p);
                permissions.addAll(EnumSet.of(OTHERS_READ, OTHERS_EXECUTE));
                Files.setPosixFilePermissions(p, permissions);
            }
        }
    }

    /**
     * Runs a main class of the class path in a JVM of its own as uid {@value #ID} and waits for it.
     *
     * @param main the class whose {@code main} runs
     * @param args its arguments
     * @return what it printed, and its exit code
     * @throws IOException when the JVM cannot be started or its output read
     * @throws InterruptedException when interrupted while waiting
     */
    public static Output run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(List.of(args));
        return Output.of(new ProcessBuilder(command));
    }

    /** @return a copy of {@code entry} (a file or a folder) at {@code target} that all may read */
    private static Path share(Path entry, Path target) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> all = Files.walk(entry)) {
                for (Path p : all.toList()) {
                    Path copy = target.resolve(entry.relativize(p).toString());
                    Files.copy(p, copy);
                    Files.setPosixFilePermissions(copy, Files.isDirectory(p) ? OPEN_FOLDER : OPEN_FILE);
                }
            }
            return target;
        }
        if (permissions(entry).contains(OTHERS_READ)) {
            try {
                // the same file, now in a folder all may enter: no copy of the jars of ND4J's natives and of Spark
                return Files.createLink(target, entry);
            } catch (IOException | UnsupportedOperationException e) {
                // another file system: copy it
            }
        }
        Files.copy(entry, target);
        Files.setPosixFilePermissions(target, OPEN_FILE);
        return target;
    }

    /** @return whether others may read the file, or list the folder and read all in it, and reach it */
    private static boolean readableByAll(Path entry) throws IOException {
        Path real = entry.toRealPath();
        if (!reachableByAll(real)) {
            return false;
        }
        if (!Files.isDirectory(real)) {
            return permissions(real).contains(OTHERS_READ);
        }
        try (Stream<Path> all = Files.walk(real)) {
            return all.allMatch(p -> permissions(p).containsAll(Files.isDirectory(p)
                    ? EnumSet.of(OTHERS_READ, OTHERS_EXECUTE) : EnumSet.of(OTHERS_READ)));
        }
    }

    /** @return whether others may enter every folder above the path */
    private static boolean reachableByAll(Path path) throws IOException {
        for (Path dir = path.toRealPath().getParent(); dir != null; dir = dir.getParent()) {
            if (!permissions(dir).contains(OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static Set<PosixFilePermission> permissions(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/sbin:/bin:/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            // a temporary folder: the system cleans it up
        }
    }
}
