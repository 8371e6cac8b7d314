package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Which files of an image folder are images: the one rule that training ({@link ImageFolders}) and prediction
 * ({@link SampleStreams}) follow. A file or folder whose name starts with a dot is hidden and ignored (such as
 * {@code .DS_Store} or {@code .ipynb_checkpoints}). Any other file is an image when its extension, in any case, is one
 * that {@link ImageIO} has a reader for (with the JDK's readers: png, jpg, jpeg, gif, bmp, wbmp, tif and tiff); the
 * rest (notes, README files, label lists) are left out and reported as not images. An image file that then cannot be
 * decoded is an error, or skipped when asked.
 */
final class ImageFiles {
    private static final Set<String> EXTENSIONS = Arrays.stream(ImageIO.getReaderFileSuffixes())
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private ImageFiles() {
    }

    /**
     * A folder's files, sorted by path, hidden ones left out.
     *
     * @param images the image files
     * @param notImages the ids of the other files
     */
    record Listing(List<Path> images, List<String> notImages) {
        /** Copies the lists. */
        Listing {
            images = List.copyOf(images);
            notImages = List.copyOf(notImages);
        }
    }

    /**
     * @param root the folder the ids are relative to
     * @param dir the folder to list: the root or a folder under it
     * @param deep whether to list the files of its sub-folders, at any depth, too
     * @return its files
     * @throws IOException when a folder cannot be listed
     */
    static Listing list(Path root, Path dir, boolean deep) throws IOException {
        List<Path> images = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        try (Stream<Path> all = deep ? Files.walk(dir) : Files.list(dir)) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> !hidden(root.relativize(f))).sorted()
                    .toList()) {
                if (EXTENSIONS.contains(extension(file))) {
                    images.add(file);
                } else {
                    notImages.add(id(root, file));
                }
            }
        }
        return new Listing(images, notImages);
    }

    /**
     * @param relative a path relative to the folder read
     * @return whether it is hidden: the name of the file or of a folder on its way starts with a dot
     */
    static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param root a folder
     * @param file a file under it
     * @return the file's id: its path relative to the root, with '/' separators
     */
    static String id(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** @return the part of the file's name after its last dot, in lower case ("" without a dot) */
    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
