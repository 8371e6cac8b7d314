package org.mwnet.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an IDX-format dataset (the MNIST family) lives: its four file names with their MD5 checksums,
 * an optional system directory (a Debian package's), and the mirrors it may be downloaded from.
 *
 * @param name dataset name, also the cache sub-directory
 * @param numClasses number of classes
 * @param normalization per-dataset pixel normalisation
 * @param systemDir directory a system package installs the files to, or null
 * @param mirrors base URIs (ending in '/') the files can be downloaded from, tried in order
 * @param md5 the four file names (gzipped, as published) mapped to their MD5 checksums
 */
public record IdxSource(String name, int numClasses, Normalization normalization, Path systemDir,
                        List<URI> mirrors, Map<String, String> md5) {
    /** Training images file name. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** Training labels file name. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** Test images file name. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    /** Test labels file name. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    /** The four files, in the order train images, train labels, test images, test labels. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Fashion-MNIST (Zalando Research), with Debian's {@code dataset-fashion-mnist} as system package. */
    public static final IdxSource FASHION_MNIST = new IdxSource("fashion-mnist", 10,
            new Normalization(new double[] {0.2860}, new double[] {0.3530}),
            Path.of("/usr/share/datasets/fashion-mnist"),
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
            Map.of(TRAIN_IMAGES, "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    TRAIN_LABELS, "25c81989df183df01b3e8a0aad5dffbe",
                    TEST_IMAGES, "bef4ecab320f06d8554ea6380940ec79",
                    TEST_LABELS, "bb300cfdad3c16e7a12e480ee83cd310"));

    /** MNIST (LeCun et al.); no Debian package ships it. */
    public static final IdxSource MNIST = new IdxSource("mnist", 10,
            new Normalization(new double[] {0.1307}, new double[] {0.3081}),
            null,
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("http://yann.lecun.com/exdb/mnist/")),
            Map.of(TRAIN_IMAGES, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    TRAIN_LABELS, "d53e105ee54ea40749a09fcbcd1e9432",
                    TEST_IMAGES, "9fb629c4189551a2d022fa330f9573f3",
                    TEST_LABELS, "ec29112dd5afa0611ce80d1b7f02629c"));

    /**
     * @param newMirrors other download locations
     * @param newMd5 checksums for those locations' files
     * @return this source with other mirrors and checksums (used to test downloads against a local server)
     */
    public IdxSource withMirrors(List<URI> newMirrors, Map<String, String> newMd5) {
        return new IdxSource(name, numClasses, normalization, systemDir, newMirrors, newMd5);
    }
}
