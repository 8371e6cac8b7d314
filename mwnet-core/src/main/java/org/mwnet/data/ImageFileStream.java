package org.mwnet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The image files under a folder, decoded a chunk at a time; see {@link SampleStreams}. */
final class ImageFileStream implements SampleStream {
    private final Path root;
    private final List<Path> files;
    private final List<String> notImages;
    private final int[] shape;
    private final boolean skipUnreadable;
    private final List<String> skipped = new ArrayList<>();
    private int cursor;
    private int read;

    private ImageFileStream(Path root, ImageFiles.Listing listing, int[] shape, boolean skipUnreadable) {
        this.root = root;
        this.files = listing.images();
        this.notImages = listing.notImages();
        this.shape = shape;
        this.skipUnreadable = skipUnreadable;
    }

    /**
     * Lists the image files, by the rule of {@link ImageFiles}; decoding waits for {@link #next}.
     *
     * @param root the folder
     * @param run the run's channels, height and width
     * @param skipUnreadable skip files that cannot be decoded instead of stopping
     * @return the stream
     * @throws DataFormatException when the folder holds no image file
     * @throws IOException when it cannot be listed
     */
    static ImageFileStream open(Path root, InputSettings run, boolean skipUnreadable) throws IOException {
        ImageFiles.Listing listing = ImageFiles.list(root, root, true);
        if (listing.images().isEmpty()) {
            throw new DataFormatException(root, "holds no image files; expected PNG, JPEG, BMP or GIF files in it "
                    + "or in its sub-folders");
        }
        return new ImageFileStream(root, listing, run.shape(), skipUnreadable);
    }

    @Override
    public Chunk next(int max) throws IOException {
        int d = shape[0] * shape[1] * shape[2];
        List<String> ids = new ArrayList<>();
        float[] values = new float[Math.min(max, files.size() - cursor) * d];
        while (ids.size() < max && cursor < files.size()) {
            Path file = files.get(cursor++);
            String id = ImageFiles.id(root, file);
            try {
                System.arraycopy(ImageFolders.readImage(file, shape[0], shape[1], shape[2]), 0, values,
                        ids.size() * d, d);
            } catch (DataFormatException e) {
                if (!skipUnreadable) {
                    throw e;
                }
                skipped.add(id);
                continue;
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            if (read == 0) {
                throw new DataFormatException(root, "holds no readable image (skipped " + skipped.size()
                        + ", the first " + skipped.get(0) + "); expected PNG, JPEG, BMP or GIF files");
            }
            return null;
        }
        read += ids.size();
        return new Chunk(ids, ids.size() * d == values.length ? values : Arrays.copyOf(values, ids.size() * d));
    }

    @Override
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public List<String> notImages() {
        return notImages;
    }

    @Override
    public void close() {
        // files are opened and closed one at a time
    }
}
