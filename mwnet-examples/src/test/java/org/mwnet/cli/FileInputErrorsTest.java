package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.NpyTestFiles;

/**
 * Every bad input of {@code train --train}: one line that names the flag or file (and row, column, class or entry),
 * what was found and what was expected; exit code 2; no run directory left behind. None of them trains.
 */
class FileInputErrorsTest {
    @TempDir
    Path tmp;

    /**
     * Runs train with the arguments (and --model mlp unless they name a model) and a fresh --out, and checks the
     * refusal.
     *
     * @param line the whole line expected after "mwnet train: ", or its start when it ends in "..."
     */
    private void assertRefused(String line, String... args) {
        Path out = tmp.resolve("run");
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(all.contains("--model") ? List.of("--out", out.toString())
                : List.of("--model", "mlp", "--out", out.toString()));
        CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
        if (line.endsWith("...")) {
            assertOneLineError(r, "train").startsWith(line.substring(0, line.length() - 3)).doesNotContain("Exception");
        } else {
            assertOneLineError(r, "train", line);
        }
        assertThat(out).as(String.join(" ", args) + ": no run directory").doesNotExist();
    }

    private Path images(String name, NoisyFiles.Part part) throws Exception {
        return NoisyFiles.folders(tmp.resolve(name), part);
    }

    @Test
    void imageFolders() throws Exception {
        NoisyFiles data = NoisyFiles.images(1);
        Path train = images("train", data.train);
        Path meta = images("meta", data.trusted);
        String m = meta.toString();

        Path broken = Files.writeString(train.resolve("circle/zz-broken.png"), "not a png");
        assertRefused(broken + ": is not an image ImageIO can decode; expected a PNG, JPEG, BMP or GIF image",
                "--train", train.toString(), "--meta", m);
        Files.delete(broken);

        Path empty = Files.createDirectories(train.resolve("triangle"));
        assertRefused(empty + ": class folder holds no readable image; expected PNG, JPEG, BMP or GIF files",
                "--train", train.toString(), "--meta", m);
        Files.delete(empty);

        Path extra = Files.createDirectories(meta.resolve("triangle"));
        Files.copy(meta.resolve("circle/s000.png"), extra.resolve("t.png"));
        assertRefused("class 'triangle' of --meta " + meta + " is not a training class; expected one of [circle, "
                + "cross, square] (or class indices 0..2 throughout)", "--train", train.toString(), "--meta", m);
        assertRefused("class 'triangle' of --test " + meta + " is not a training class; expected one of [circle, "
                + "cross, square] (or class indices 0..2 throughout)", "--train", train.toString(), "--carve-meta",
                "30", "--test", m);
        Files.delete(extra.resolve("t.png"));
        Files.delete(extra);

        Path fewer = images("fewer", data.trusted);
        try (var squares = Files.list(fewer.resolve("square"))) {
            for (Path p : squares.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(fewer.resolve("square"));
        assertRefused("class 'square' is in --train " + train + " but not in --meta " + fewer + "; expected the same "
                + "classes in both", "--train", train.toString(), "--meta", fewer.toString());

        Path table = NoisyFiles.csv(tmp.resolve("meta.csv"), NoisyFiles.table(1).trusted);
        assertRefused("--meta " + table + " has samples of shape [1, 1, 4] but --train " + train + " has [1, 8, 8]; "
                + "expected the same shape (channels, height and width, or the same number of features)",
                "--train", train.toString(), "--meta", table.toString(), "--label-column", "kind",
                "--exclude-columns", "id");

        assertRefused("--model lenet on --train " + train + ": LeNet needs image sides that are multiples of 4 and "
                + "at least 16 ...", "--train", train.toString(), "--meta", m, "--image-size", "10", "--model",
                "lenet");
        assertRefused("--channels must be 1 (grey) or 3 (RGB), got 2", "--train", train.toString(), "--meta", m,
                "--channels", "2");
    }

    @Test
    void csvTables() throws Exception {
        NoisyFiles data = NoisyFiles.table(1);
        Path train = NoisyFiles.csv(tmp.resolve("train.csv"), data.train);
        String good = Files.readString(train);
        String[] csvFlags = {"--label-column", "kind", "--exclude-columns", "id"};
        Path meta = NoisyFiles.csv(tmp.resolve("meta.csv"), data.trusted);

        Files.writeString(train, good.replaceFirst("\nr1,[^,]*,", "\nr1,,"));
        assertRefused(train + ": row 2, column 'f1': missing value; expected a number", with(csvFlags, "--train",
                train.toString(), "--meta", meta.toString()));
        Files.writeString(train, good.replaceFirst("\nr1,[^,]*,", "\nr1,abc,"));
        assertRefused(train + ": row 2, column 'f1': 'abc' is not a finite number; expected a number",
                with(csvFlags, "--train", train.toString(), "--meta", meta.toString()));
        Files.writeString(train, good.replaceFirst("\nr1,[^,]*,", "\nr1,"));
        assertRefused(train + ": row 2 (line 3) has 5 fields; expected 6 as in the header",
                with(csvFlags, "--train", train.toString(), "--meta", meta.toString()));
        Files.writeString(train, good);

        assertRefused(train + ": has no label column 'label'; its columns are [id, f1, f2, f3, f4, kind]",
                "--train", train.toString(), "--meta", meta.toString());
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertRefused(empty + ": is empty; expected a CSV table: a header row of column names, then one row per "
                + "sample", "--train", empty.toString(), "--meta", meta.toString());
        Path twice = Files.writeString(tmp.resolve("twice.csv"), good.replaceFirst("f3", "f1"));
        assertRefused(twice + ": the header names the column 'f1' twice (columns 2 and 4); expected each column "
                + "name once", with(csvFlags, "--train", twice.toString(), "--meta", meta.toString()));

        String trusted = Files.readString(meta);
        Path narrow = Files.writeString(tmp.resolve("narrow.csv"), trusted.replaceAll(",[^,]*,([a-z]+)\n", ",$1\n")
                .replace("f4,", ""));
        assertRefused("--meta " + narrow + " has samples of shape [1, 1, 3] but --train " + train + " has [1, 1, 4]; "
                + "expected the same shape (channels, height and width, or the same number of features)",
                with(csvFlags, "--train", train.toString(), "--meta", narrow.toString()));
        Path swapped = Files.writeString(tmp.resolve("swapped.csv"), trusted.replaceFirst("f1,f2", "f2,f1"));
        assertRefused("--meta " + swapped + " has the feature columns [f2, f1, f3, f4] but --train " + train
                + " has [f1, f2, f3, f4]; expected the same columns in the same order",
                with(csvFlags, "--train", train.toString(), "--meta", swapped.toString()));

        Path x = Files.write(tmp.resolve("x.npy"), NoisyFiles.samplesNpy(data.train));
        Path y = Files.write(tmp.resolve("y.npy"), NoisyFiles.labelsNpy(data.train.observed()));
        Path metaNpz = NoisyFiles.npz(tmp.resolve("meta.npz"), data.trusted, data.trusted.clean());
        assertRefused("--exclude-columns applies to a CSV table, and none of [--train " + x + "," + y + " (a NumPy "
                + ".npy array), --meta " + metaNpz + " (a NumPy .npz archive)] is one", "--train", x + "," + y,
                "--meta", metaNpz.toString(), "--exclude-columns", "id");
    }

    private static String[] with(String[] flags, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(flags));
        return all.toArray(String[]::new);
    }

    @Test
    void numpyArraysAndLabelFiles() throws Exception {
        NoisyFiles data = NoisyFiles.table(1);
        Path x = Files.write(tmp.resolve("x.npy"), NoisyFiles.samplesNpy(data.train));
        Path y = Files.write(tmp.resolve("y.npy"), NoisyFiles.labelsNpy(data.train.observed()));
        String pair = x + "," + y;
        String meta = NoisyFiles.npz(tmp.resolve("meta.npz"), data.trusted, data.trusted.clean()).toString();

        assertRefused(x + ": is a .npy array of samples without labels; expected its labels too, as the pair " + x
                + ",LABELS.npy (a .npy of one integer per sample), or both in one .npz archive (np.savez(file, "
                + "x=samples, y=labels))", "--train", x.toString(), "--meta", meta);
        Path longs = Files.write(tmp.resolve("longs.npy"), NpyTestFiles.bytes("<i8", new long[] {2, 1},
                NpyTestFiles.longs(1, 2)));
        Path two = Files.write(tmp.resolve("two.npy"), NoisyFiles.labelsNpy(new int[] {0, 1}));
        assertRefused(longs + ": holds int64 values; expected uint8, float32 or float64", "--train", longs + "," + two,
                "--meta", meta);
        Path shorts = NpyTestFiles.npy(tmp.resolve("shorts.npy"), "<i2", new long[] {2, 1}, ByteBuffer.allocate(4));
        assertRefused(shorts + ": holds int16 values; expected uint8, float32 or float64", "--train",
                shorts + "," + two, "--meta", meta);
        for (String type : List.of("<c8", "|O")) {
            Path odd = NpyTestFiles.npy(tmp.resolve("odd.npy"), type, new long[] {2, 1}, ByteBuffer.allocate(16));
            assertRefused(odd + ": holds " + (type.equals("|O") ? "object" : "complex64") + " values; expected "
                    + "uint8, float32 or float64", "--train", odd + "," + two, "--meta", meta);
        }
        Path bigEndian = Files.write(tmp.resolve("big.npy"), NpyTestFiles.bytes(">f4", new long[] {2, 1},
                NpyTestFiles.floats(1, 2)));
        assertRefused(bigEndian + ": holds big-endian float32 values (>f4); expected little-endian ones, as NumPy "
                + "writes by default", "--train", bigEndian + "," + two, "--meta", meta);
        Path twoSamples = NpyTestFiles.npy(tmp.resolve("two-samples.npy"), "<f4", new long[] {2, 1},
                NpyTestFiles.floats(1, 2));
        for (String type : List.of("|b1", "<c8")) {
            Path labels = NpyTestFiles.npy(tmp.resolve("labels.npy"), type, new long[] {2}, ByteBuffer.allocate(16));
            assertRefused(labels + ": holds " + (type.equals("|b1") ? "bool" : "complex64") + " values; expected "
                    + "integers (int8 to int64 or uint8 to uint64), or floats (float16 to float64) holding whole "
                    + "numbers", "--train", twoSamples + "," + labels, "--meta", meta);
        }
        Path fraction = NpyTestFiles.npy(tmp.resolve("fraction.npy"), "<f4", new long[] {2},
                NpyTestFiles.floats(0, 0.7f));
        assertRefused(fraction + ": label 0.7 at index 1 is not an integer; expected integers from 0", "--train",
                twoSamples + "," + fraction, "--meta", meta);
        Path nan = NpyTestFiles.npy(tmp.resolve("nan.npy"), "<f4", new long[] {2}, NpyTestFiles.floats(Float.NaN, 1));
        assertRefused(nan + ": label NaN at index 0 is not an integer; expected integers from 0", "--train",
                twoSamples + "," + nan, "--meta", meta);
        Path flat = Files.write(tmp.resolve("flat.npy"), NpyTestFiles.bytes("<f4", new long[] {2},
                NpyTestFiles.floats(1, 2)));
        assertRefused(flat + ": has shape [2]; expected [N, C, H, W], [N, H, W] or [N, D]", "--train", flat + "," + two,
                "--meta", meta);

        Path test = NoisyFiles.npz(tmp.resolve("wide.npz"), NoisyFiles.images(1).test, NoisyFiles.images(1).test
                .clean());
        assertRefused("--test " + test + " has samples of shape [1, 1, 64] but --train " + pair + " has [1, 1, 4]; "
                + "expected the same shape (channels, height and width, or the same number of features)",
                "--train", pair, "--meta", meta, "--test", test.toString());

        List<String> lines = new ArrayList<>(Files.readAllLines(NoisyFiles.labelLines(tmp.resolve("labels.txt"),
                data.train.observed(), NoisyFiles.inOrder(NoisyFiles.TRAIN), false)));
        Path labels = tmp.resolve("labels.txt");
        lines.set(4, "7");
        Files.write(labels, lines);
        assertRefused(labels + ": line 5: label '7' is out of range; expected a class index 0..2 or a training class "
                + "name [0, 1, 2]", "--train", pair, "--meta", meta, "--train-labels", labels.toString());
        lines.set(4, "zebra");
        Files.write(labels, lines);
        assertRefused(labels + ": line 5: label 'zebra' is not a training class; expected one of [0, 1, 2] (or "
                + "class indices 0..2 throughout)", "--train", pair, "--meta", meta, "--clean-labels",
                labels.toString());
        Files.write(labels, lines.subList(0, NoisyFiles.TRAIN - 1));
        assertRefused(labels + " has 299 labels but --train " + pair + " has 300 samples; expected one label per "
                + "sample, in the order of the samples' ids", "--train", pair, "--meta", meta, "--train-labels",
                labels.toString());
        Path missing = tmp.resolve("gone.txt");
        assertRefused(missing + ": is missing", "--train", pair, "--meta", meta, "--train-labels", missing.toString());
    }

    @Test
    void flagsThatDoNotFitTogether() throws Exception {
        NoisyFiles data = NoisyFiles.table(1);
        String train = NoisyFiles.npz(tmp.resolve("train.npz"), data.train, data.train.observed()).toString();
        String meta = NoisyFiles.npz(tmp.resolve("meta.npz"), data.trusted, data.trusted.clean()).toString();
        assertRefused("--train needs a trusted set, which MW-Net learns its weighting from: give --meta PATH (samples "
                + "whose labels you have checked), or --carve-meta N to take N training samples as trusted (their "
                + "labels are then assumed clean); or weight with a V learned elsewhere, held fixed (--init-v FILE "
                + "--freeze-v)", "--train", train);
        assertRefused("--meta and --carve-meta exclude each other: give a trusted set, or carve one out of the "
                + "training files", "--train", train, "--meta", meta, "--carve-meta", "30");
        assertRefused("--meta needs --train: it applies to your own files; without --train, train uses a built-in "
                + "--dataset", "--meta", meta);
        assertRefused("--dataset applies to a built-in --dataset, not to --train " + train, "--train", train,
                "--meta", meta, "--dataset", "mnist");
        assertRefused("--noise applies to a built-in --dataset, not to --train " + train + " (your files' labels are "
                + "the noise)", "--train", train, "--meta", meta, "--noise", "uniform", "--noise-rate", "0.2");
        assertRefused("--carve-meta 31: trusted size 31 must be a multiple of the 3 classes to be class-balanced",
                "--train", train, "--carve-meta", "31");
        assertRefused("--validation-size 7 (carved out of --meta " + meta + "): validation size 7 must be a multiple "
                + "of the 3 classes to be class-balanced", "--train", train, "--meta", meta, "--validation-size", "7");
        assertRefused("--channels applies to image folders, and none of [--train " + train + " (a NumPy .npz "
                + "archive), --meta " + meta + " (a NumPy .npz archive)] is one", "--train", train, "--meta", meta,
                "--channels", "3");
        Path nowhere = tmp.resolve("nowhere");
        assertRefused(nowhere + ": is missing; expected a folder of class folders, or a .csv, .npy or .npz file",
                "--train", nowhere.toString(), "--meta", meta);
        Path text = Files.writeString(tmp.resolve("data.txt"), "1 2 3");
        assertRefused(text + ": is neither a folder nor a .csv, .npy or .npz file; expected a folder of class "
                + "folders, a CSV table, or NumPy arrays", "--train", text.toString(), "--meta", meta);
    }
}
