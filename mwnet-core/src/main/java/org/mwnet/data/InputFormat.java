package org.mwnet.data;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats of a user's data files, told apart by the path: a folder holds image folders, and a file's extension
 * names its format ({@code .csv}, {@code .npy}, {@code .npz}, in any letter case).
 */
public enum InputFormat {
    /** {@code root/<class name>/<image file>}, read by {@link ImageFolders}. */
    FOLDER(InputSettings.FOLDER, "image folders"),
    /** A CSV table with a header row, read by {@link CsvTables}. */
    CSV(InputSettings.CSV, "a CSV table"),
    /** A {@code .npy} array of samples, paired with a {@code .npy} array of labels, read by {@link NpyFiles}. */
    NPY(InputSettings.NPY, "a NumPy .npy array"),
    /** A {@code .npz} archive of the arrays x and y, read by {@link NpyFiles#readNpz}. */
    NPZ(InputSettings.NPY, "a NumPy .npz archive");

    private final String settingsName;
    private final String description;

    InputFormat(String settingsName, String description) {
        this.settingsName = settingsName;
        this.description = description;
    }

    /**
     * @param path a folder or a file
     * @return its format
     * @throws FileSystemException when nothing is at the path and its name has no known extension
     * @throws DataFormatException when it is a file of another kind
     */
    public static InputFormat of(Path path) throws FileSystemException, DataFormatException {
        Optional<InputFormat> format = recognise(path);
        if (format.isPresent()) {
            return format.get();
        }
        if (!Files.exists(path)) {
            throw new FileSystemException(path.toString(), null, "is missing; expected a folder of class folders, "
                    + "or a .csv, .npy or .npz file");
        }
        throw new DataFormatException(path, "is neither a folder nor a .csv, .npy or .npz file; expected a folder "
                + "of class folders, a CSV table, or NumPy arrays");
    }

    /**
     * @param path a folder or a file, which need not exist
     * @return its format when the path is a folder or its name has a known extension, else empty
     */
    public static Optional<InputFormat> recognise(Path path) {
        if (Files.isDirectory(path)) {
            return Optional.of(FOLDER);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".npy")) {
            return Optional.of(NPY);
        }
        return name.endsWith(".npz") ? Optional.of(NPZ) : Optional.empty();
    }

    /** @return the name {@link InputSettings#format()} records ("folder", "csv" or "npy") */
    public String settingsName() {
        return settingsName;
    }

    /** @return the format in words, e.g. "a CSV table" */
    public String description() {
        return description;
    }
}
