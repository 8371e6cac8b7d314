package org.mwnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader of the binary versions of CIFAR-10 and CIFAR-100 (Krizhevsky 2009). A CIFAR-10 record is one label byte
 * and 3072 pixel bytes (red, green, blue planes of 32x32); a CIFAR-100 record has a coarse and a fine label byte
 * before the pixels, and the fine label is used.
 */
public final class Cifar {
    /** Pixel bytes per image. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;

    /** The two variants and their file layouts. */
    public enum Variant {
        /** CIFAR-10: {@code cifar-10-batches-bin/data_batch_{1..5}.bin, test_batch.bin}. */
        CIFAR10("cifar10", 10, 1, "cifar-10-batches-bin",
                List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
                "test_batch.bin", new Normalization(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616}),
                "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
        /** CIFAR-100: {@code cifar-100-binary/train.bin, test.bin}, fine labels. */
        CIFAR100("cifar100", 100, 2, "cifar-100-binary", List.of("train.bin"), "test.bin",
                new Normalization(new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762}),
                "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");

        private final String datasetName;
        private final int numClasses;
        private final int labelBytes;
        private final String folder;
        private final List<String> trainFiles;
        private final String testFile;
        private final Normalization normalization;
        private final String url;

        Variant(String datasetName, int numClasses, int labelBytes, String folder, List<String> trainFiles,
                String testFile, Normalization normalization, String url) {
            this.datasetName = datasetName;
            this.numClasses = numClasses;
            this.labelBytes = labelBytes;
            this.folder = folder;
            this.trainFiles = trainFiles;
            this.testFile = testFile;
            this.normalization = normalization;
            this.url = url;
        }

        /** @return bytes per record */
        public int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }

        /** @return every file, relative to the data directory */
        public List<String> allFiles() {
            return java.util.stream.Stream.concat(trainFiles.stream(), java.util.stream.Stream.of(testFile))
                    .map(f -> folder + "/" + f).toList();
        }
    }

    private Cifar() {
    }

    /**
     * Locates and loads a CIFAR variant.
     *
     * @param variant which CIFAR
     * @param locator where to look
     * @return training and test parts
     * @throws IOException when the files are missing or malformed
     */
    public static TrainTest load(Variant variant, DataLocator locator) throws IOException {
        Path dir = locator.locateFiles(variant.datasetName, variant.allFiles(),
                "download " + variant.url + " and unpack it (tar xzf).").resolve(variant.folder);
        List<Path> train = variant.trainFiles.stream().map(dir::resolve).toList();
        Dataset trainPart = read(variant, train);
        return new TrainTest(trainPart, read(variant, List.of(dir.resolve(variant.testFile))),
                InputSettings.ofDataset(variant.datasetName, trainPart, variant.normalization));
    }

    /**
     * Reads and concatenates binary CIFAR files.
     *
     * @param variant which layout
     * @param files the files, in order
     * @return their images and labels
     * @throws IOException when a file's size is not a whole number of records or a label is out of range
     */
    public static Dataset read(Variant variant, List<Path> files) throws IOException {
        int record = variant.recordBytes();
        byte[][] contents = new byte[files.size()][];
        int total = 0;
        for (int f = 0; f < files.size(); f++) {
            try (InputStream in = DataFiles.open(files.get(f))) {
                contents[f] = in.readAllBytes();
            }
            if (contents[f].length == 0 || contents[f].length % record != 0) {
                throw new DataFormatException(files.get(f), "size " + contents[f].length
                        + " bytes is not a whole number of " + record + "-byte " + variant.datasetName + " records");
            }
            total += contents[f].length / record;
        }
        byte[] pixels = new byte[total * IMAGE_BYTES];
        int[] labels = new int[total];
        int n = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] c = contents[f];
            for (int off = 0; off < c.length; off += record, n++) {
                labels[n] = c[off + variant.labelBytes - 1] & 0xFF;
                if (labels[n] >= variant.numClasses) {
                    throw new DataFormatException(files.get(f), "label " + labels[n] + " in record " + (off / record)
                            + " is out of range; expected 0.." + (variant.numClasses - 1));
                }
                System.arraycopy(c, off + variant.labelBytes, pixels, n * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        float[] px = variant.normalization.apply(pixels, 32 * 32);
        return Dataset.adopting(variant.datasetName, variant.numClasses, 3, 32, 32, px, labels, labels.clone());
    }
}
