package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the four files of an IDX dataset (gzipped as published, or unpacked) into a {@link TrainTest}. */
public final class IdxFiles {
    private IdxFiles() {
    }

    /**
     * @param dir a directory
     * @return what keeps it from holding the four files, gzipped or unpacked, one entry per file ("NAME is
     *         missing", "NAME is a directory, not a file", ...); empty when it holds them all
     */
    public static List<String> problems(Path dir) {
        List<String> problems = new ArrayList<>();
        for (String gzName : IdxSource.FILES) {
            String p = problem(dir, gzName);
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * Loads training and test parts.
     *
     * @param dir directory holding the four files
     * @param source the dataset's description (name, classes, normalisation)
     * @return both parts, labels clean
     * @throws IOException when a file is missing or malformed; the message names it
     */
    public static TrainTest load(Path dir, IdxSource source) throws IOException {
        Dataset train = loadPart(dir, source, IdxSource.TRAIN_IMAGES, IdxSource.TRAIN_LABELS);
        Dataset test = loadPart(dir, source, IdxSource.TEST_IMAGES, IdxSource.TEST_LABELS);
        return new TrainTest(train, test, InputSettings.ofDataset(source.name(), train, source.normalization()));
    }

    /**
     * Loads one images/labels pair.
     *
     * @param dir the directory
     * @param source the dataset's description
     * @param imagesName images file name (gzipped form)
     * @param labelsName labels file name (gzipped form)
     * @return the images with their labels
     * @throws IOException when a file is missing or malformed
     */
    public static Dataset loadPart(Path dir, IdxSource source, String imagesName, String labelsName) throws IOException {
        Path imagesFile = require(dir, imagesName);
        Path labelsFile = require(dir, labelsName);
        Idx.Array images = Idx.read(imagesFile, 3);
        Idx.Array labels = Idx.read(labelsFile, 1);
        if (images.count() != labels.count()) {
            throw new DataFormatException(labelsFile, labels.count() + " labels but " + imagesFile.getFileName()
                    + " has " + images.count() + " images; expected equal counts");
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xFF;
            if (y[i] >= source.numClasses()) {
                throw new DataFormatException(labelsFile, "label " + y[i] + " at index " + i
                        + " is out of range; expected 0.." + (source.numClasses() - 1));
            }
        }
        int h = images.dims()[1];
        int w = images.dims()[2];
        float[] px = source.normalization().apply(images.data(), h * w);
        return Dataset.adopting(source.name(), source.numClasses(), 1, h, w, px, y, y.clone());
    }

    private static Path require(Path dir, String gzName) throws IOException {
        Path p = resolve(dir, gzName);
        if (p == null) {
            throw new java.nio.file.FileSystemException(dir.toString(), null, problem(dir, gzName));
        }
        return p;
    }

    /** @return the readable file, gzipped or else unpacked, or null */
    private static Path resolve(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (DataFiles.problem(gz) == null) {
            return gz;
        }
        Path plain = dir.resolve(unpacked(gzName));
        return DataFiles.problem(plain) == null ? plain : null;
    }

    /** @return null when the file is there, else what is wrong with the form that exists (the gzipped one first) */
    private static String problem(Path dir, String gzName) {
        if (resolve(dir, gzName) != null) {
            return null;
        }
        for (Path p : List.of(dir.resolve(gzName), dir.resolve(unpacked(gzName)))) {
            if (Files.exists(p)) {
                return p.getFileName() + " " + DataFiles.problem(p);
            }
        }
        return gzName + " is missing (gzipped or unpacked)";
    }

    private static String unpacked(String gzName) {
        return gzName.substring(0, gzName.length() - 3);
    }
}
