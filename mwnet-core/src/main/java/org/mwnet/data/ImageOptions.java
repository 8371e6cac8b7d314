package org.mwnet.data;

/**
 * How {@link ImageFolders} turns image files into samples.
 *
 * @param channels 1 (grey: grey images as stored, colour images by luma 0.299 R + 0.587 G + 0.114 B) or 3 (RGB:
 *     grey images repeated in each channel)
 * @param size height and width every image is resized to (bilinear), or 0 to keep the files' size, which must
 *     then be the same for all
 * @param skipUnreadable skip images that cannot be decoded (their paths are reported in
 *     {@link LabelledData#skipped()}) instead of stopping at the first
 */
public record ImageOptions(int channels, int size, boolean skipUnreadable) {
    /** Validates the fields. */
    public ImageOptions {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("image channels " + channels + " must be 1 or 3");
        }
        if (size < 0) {
            throw new IllegalArgumentException("image size " + size + " must not be negative (0 keeps the files' size)");
        }
    }

    /** @param channels 1 or 3 @return the files' own size, stopping at an unreadable image */
    public static ImageOptions of(int channels) {
        return new ImageOptions(channels, 0, false);
    }

    /** @param side height and width @return a copy that resizes every image to side x side */
    public ImageOptions withSize(int side) {
        return new ImageOptions(channels, side, skipUnreadable);
    }

    /** @return a copy that skips unreadable images instead of stopping */
    public ImageOptions skippingUnreadable() {
        return new ImageOptions(channels, size, true);
    }
}
