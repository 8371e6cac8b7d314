package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds dataset files on disk, and downloads IDX datasets into a per-user cache when they are nowhere.
 * Search order: the directory given explicitly; {@code $MWNET_DATA}; the system package's directory;
 * the cache ({@code $XDG_CACHE_HOME/mwnet} or {@code ~/.cache/mwnet}). Each directory may hold the files
 * directly or in a sub-directory named after the dataset.
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
     * Finds an IDX dataset, downloading it into the cache when no directory holds it.
     *
     * @param source the dataset's files, checksums and mirrors
     * @return the directory holding its four files
     * @throws DataUnavailableException when it is nowhere and the download failed
     */
    public Path locateIdx(IdxSource source) throws DataUnavailableException {
        List<Path> searched = new ArrayList<>();
        for (Path dir : candidates(source.name(), source.systemDir())) {
            searched.add(dir);
            if (IdxFiles.allPresent(dir)) {
                return dir;
            }
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
     * Finds a directory holding all the given files (CIFAR's binary batches); nothing is downloaded.
     *
     * @param name dataset name (sub-directory looked for)
     * @param files relative paths that must all exist
     * @param howToGet one sentence telling the user how to obtain them
     * @return the directory
     * @throws DataUnavailableException when no candidate holds them
     */
    public Path locateFiles(String name, List<String> files, String howToGet) throws DataUnavailableException {
        List<Path> searched = new ArrayList<>();
        for (Path dir : candidates(name, null)) {
            searched.add(dir);
            if (files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                return dir;
            }
        }
        throw new DataUnavailableException(name + " not found: none of " + searched + " holds " + files
                + "; " + howToGet + " Then pass --data-dir or set $" + ENV_DATA + ".");
    }

    private List<Path> candidates(String name, Path systemDir) {
        List<Path> dirs = new ArrayList<>();
        for (Path root : new Path[] {explicitDir, envDir}) {
            if (root != null) {
                dirs.add(root);
                dirs.add(root.resolve(name));
            }
        }
        if (systemDir != null) {
            dirs.add(systemDir);
        }
        dirs.add(cacheRoot.resolve(name));
        return dirs;
    }
}
