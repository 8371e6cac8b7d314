package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds dataset files on disk, and downloads IDX datasets into a per-user cache when they are nowhere.
 * A directory given explicitly is the only place looked at: it holds the dataset or the lookup fails, naming the
 * files that are missing, are directories or cannot be read. Without one the search order is {@code $MWNET_DATA};
 * the system package's directory; the cache ({@code $XDG_CACHE_HOME/mwnet} or {@code ~/.cache/mwnet}), downloading
 * into it. A {@code $MWNET_DATA} that is not a directory, or holds only some of a dataset's files, is refused, not
 * skipped.
 * Each user directory may hold the files directly or in a sub-directory named after the dataset.
 */
public final class DataLocator {
    /** Environment variable naming a data directory. */
    public static final String ENV_DATA = "MWNET_DATA";

    private final Path explicitDir;
    private final Path envDir;
    private final Path cacheRoot;
    private final Downloader downloader;

    /**
     * @param explicitDir directory given by option, or null
     * @param envDir directory from {@code $MWNET_DATA}, or null
     * @param cacheRoot per-user cache root
     * @param downloader used when no directory holds an IDX dataset
     */
    public DataLocator(Path explicitDir, Path envDir, Path cacheRoot, Downloader downloader) {
        this.explicitDir = explicitDir;
        this.envDir = envDir;
        this.cacheRoot = cacheRoot;
        this.downloader = downloader;
    }

    /**
     * The locator a user expects: the given directory (may be null), then the process environment.
     *
     * @param explicitDir directory given by option, or null
     * @return a locator over the environment's directories and the default cache
     */
    public static DataLocator standard(Path explicitDir) {
        Map<String, String> env = System.getenv();
        String data = env.get(ENV_DATA);
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("mwnet");
        return new DataLocator(explicitDir, data == null || data.isBlank() ? null : Path.of(data), cache, new Downloader());
    }

    /**
     * Finds an IDX dataset, downloading it into the cache when no directory holds it. A directory given explicitly
     * is the only one looked at.
     *
     * @param source the dataset's files, checksums and mirrors
     * @return the directory holding its four files
     * @throws DataUnavailableException when the explicit directory does not hold the files, when the environment's
     *         directory holds only some of them, or when the dataset is nowhere and the download failed
     */
    public Path locateIdx(IdxSource source) throws DataUnavailableException {
        List<Path> searched = new ArrayList<>();
        Path found = find(source.name(), source.systemDir(), IdxFiles::problems, IdxSource.FILES, searched, "");
        if (found != null) {
            return found;
        }
        Path cacheDir = cacheRoot.resolve(source.name());
        try {
            for (String file : IdxSource.FILES) {
                if (!Files.isRegularFile(cacheDir.resolve(file))) {
                    downloader.fetch(source.mirrors(), file, source.md5().get(file), cacheDir.resolve(file));
                }
            }
            return cacheDir;
        } catch (IOException e) {
            String debian = source.systemDir() == null ? ""
                    : "install Debian's package dataset-" + source.name() + " (apt-get install dataset-" + source.name()
                    + "), or ";
            throw new DataUnavailableException(source.name() + " not found in " + searched
                    + " and the download failed (" + e.getMessage() + "): " + debian + "put the files "
                    + IdxSource.FILES + " from " + source.mirrors() + " into a directory given by --data-dir or $"
                    + ENV_DATA);
        }
    }

    /**
     * Finds a directory holding all the given files (CIFAR's binary batches); nothing is downloaded. A directory
     * given explicitly is the only one looked at.
     *
     * @param name dataset name (sub-directory looked for)
     * @param files relative paths that must all exist
     * @param howToGet one sentence telling the user how to obtain them
     * @return the directory
     * @throws DataUnavailableException when no candidate holds them, or a user's directory holds only some
     */
    public Path locateFiles(String name, List<String> files, String howToGet) throws DataUnavailableException {
        List<Path> searched = new ArrayList<>();
        Function<Path, List<String>> problems = dir -> files.stream()
                .map(f -> {
                    String problem = DataFiles.problem(dir.resolve(f));
                    return problem == null ? null : f + " " + problem;
                })
                .filter(java.util.Objects::nonNull).toList();
        Path found = find(name, null, problems, files, searched, " " + howToGet);
        if (found != null) {
            return found;
        }
        Path cacheDir = cacheRoot.resolve(name);
        searched.add(cacheDir);
        if (problems.apply(cacheDir).isEmpty()) {
            return cacheDir;
        }
        throw new DataUnavailableException(name + " not found: none of " + searched + " holds " + files
                + "; " + howToGet + " Then pass --data-dir or set $" + ENV_DATA + ".");
    }

    /**
     * Looks in the explicit directory alone when there is one; else in the environment's directory and the
     * system directory. A directory a user named is used or refused, never skipped for another copy: the explicit
     * one must hold every file, and the environment's may not hold some files but not all.
     *
     * @return the directory holding every file, or null to go on to the cache
     */
    private Path find(String name, Path systemDir, Function<Path, List<String>> problemsIn, List<String> files,
                      List<Path> searched, String howToGet) throws DataUnavailableException {
        if (explicitDir != null) {
            return inExplicitDir(name, problemsIn, files, howToGet);
        }
        if (envDir != null) {
            if (!Files.isDirectory(envDir)) {
                throw new DataUnavailableException("$" + ENV_DATA + " names " + envDir + ", which is not a directory; "
                        + "point it at the directory holding the datasets, or unset it");
            }
            for (Path dir : List.of(envDir, envDir.resolve(name))) {
                searched.add(dir);
                List<String> problems = problemsIn.apply(dir);
                if (problems.isEmpty()) {
                    return dir;
                }
                if (problems.size() < files.size()) {
                    throw new DataUnavailableException(dir + " (from $" + ENV_DATA + ") holds only part of " + name
                            + ": " + String.join(", ", problems) + "; complete it or point $" + ENV_DATA + " elsewhere");
                }
            }
        }
        if (systemDir != null) {
            searched.add(systemDir);
            if (problemsIn.apply(systemDir).isEmpty()) {
                return systemDir;
            }
        }
        return null;
    }

    private Path inExplicitDir(String name, Function<Path, List<String>> problemsIn, List<String> files,
                               String howToGet) throws DataUnavailableException {
        if (!Files.isDirectory(explicitDir)) {
            throw new DataUnavailableException("data directory " + explicitDir + " is not a directory." + howToGet);
        }
        Path sub = explicitDir.resolve(name);
        List<String> atRoot = problemsIn.apply(explicitDir);
        List<String> inSub = problemsIn.apply(sub);
        if (atRoot.isEmpty()) {
            return explicitDir;
        }
        if (inSub.isEmpty()) {
            return sub;
        }
        boolean subIsCloser = Files.isDirectory(sub) && inSub.size() <= atRoot.size();
        List<String> problems = subIsCloser ? inSub : atRoot;
        String what = problems.size() == files.size() && files.stream().noneMatch(f -> exists(explicitDir, sub, f))
                ? "holds none of its files " + files
                : "is incomplete: in " + (subIsCloser ? sub : explicitDir) + ", " + String.join(", ", problems);
        throw new DataUnavailableException("data directory " + explicitDir + " does not hold " + name + ": it "
                + what + " (looked in it and in " + sub + "; no other copy is used when a data directory is given)."
                + howToGet);
    }

    /** Whether any form of the file (as listed, or unpacked from {@code .gz}) exists in either directory. */
    private static boolean exists(Path dir, Path sub, String file) {
        String unpacked = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        return Stream.of(dir, sub).flatMap(d -> Stream.of(d.resolve(file), d.resolve(unpacked))).anyMatch(Files::exists);
    }
}
