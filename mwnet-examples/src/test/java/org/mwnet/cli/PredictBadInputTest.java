package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.NpyTestFiles;

/**
 * Every bad input to {@code mwnet predict} ends in one line naming the file, row or column, what was found and what
 * was expected, with exit code 2, and leaves no predictions file (an existing one untouched).
 */
class PredictBadInputTest {
    @TempDir
    static Path shared;
    private static Path imageRun;
    private static Path csvRun;
    private static Path images;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainRuns() throws Exception {
        PredictFixtures.Runs runs = PredictFixtures.trainRuns(shared, 30, 60);
        imageRun = runs.images();
        csvRun = runs.rows();
        images = PredictFixtures.images(2, 3).writeTo(shared.resolve("new"));
    }

    /** Runs predict with --out tmp/p.csv, expecting the one line, exit 2, and no file written. */
    private void assertRefused(String message, String... args) throws Exception {
        Path out = tmp.resolve("p.csv");
        String[] all = new String[args.length + 3];
        all[0] = "predict";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 2] = "--out";
        all[all.length - 1] = out.toString();
        CliRunner.Result r = CliRunner.run(all);
        assertOneLineError(r, "predict", message);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void aMissingOrCorruptCheckpoint() throws Exception {
        Path missing = tmp.resolve("none.zip");
        assertRefused(missing + ": no such checkpoint file", missing.toString(), images.toString());
        Path corrupt = csv("corrupt.zip", "not a zip");
        assertRefused(corrupt + ": not an mwnet checkpoint file (no header)", corrupt.toString(), images.toString());
    }

    @Test
    void aFolderGivenAsTheCheckpointNamesTheCheckpointInIt() throws Exception {
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        assertRefused(runDir + ": is a directory, not a checkpoint file; expected a run's checkpoint.zip, and there "
                + "is no " + runDir.resolve("checkpoint.zip"), runDir.toString(), images.toString());
        Path checkpoint = Files.copy(imageRun, runDir.resolve("checkpoint.zip"));
        assertRefused(runDir + ": is a directory, not a checkpoint file; expected " + checkpoint + ", which is there",
                runDir.toString(), images.toString());
    }

    @Test
    void aMissingOrUnsupportedInput() throws Exception {
        Path missing = tmp.resolve("none");
        assertRefused(missing + ": is missing", imageRun.toString(), missing.toString());
        Path txt = csv("data.txt", "1 2 3\n");
        assertRefused(txt + ": is neither a folder nor a .csv, .npy or .npz file; expected a folder of images, or a "
                + ".npy or .npz of shape [N, 1, 6, 6] or [N, 6, 6]", imageRun.toString(), txt.toString());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertRefused(empty + ": holds no image files; expected PNG, JPEG, BMP or GIF files in it or in its "
                + "sub-folders", imageRun.toString(), empty.toString());
    }

    @Test
    void anUnreadableImageStopsByDefault() throws Exception {
        Path folder = PredictFixtures.images(2, 4).writeTo(tmp.resolve("new"));
        Path broken = Files.writeString(folder.resolve("dim/zz.png"), "not an image");
        assertRefused(broken + ": is not an image ImageIO can decode; expected a PNG, JPEG, BMP or GIF image",
                imageRun.toString(), folder.toString());
        assertRefused(broken + ": is not an image ImageIO can decode; expected a PNG, JPEG, BMP or GIF image",
                imageRun.toString(), folder.toString(), "--bad-images", "stop");
        Path onlyBroken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(onlyBroken.resolve("a.png"), "not an image");
        assertRefused(onlyBroken + ": holds no readable image (skipped 1, the first a.png); expected PNG, JPEG, "
                + "BMP or GIF files", imageRun.toString(), onlyBroken.toString(), "--bad-images", "skip");
    }

    @Test
    void inputsOfAnotherFormatOrShapeThanTheRuns() throws Exception {
        assertRefused(images + ": is a folder of images, but the classifier takes rows of 3 features; expected a "
                + ".csv with the 3 feature columns (a, b, c), or a .npy or .npz of shape [N, 3]", csvRun.toString(),
                images.toString());
        Path table = csv("t.csv", "a,b,c\n1,2,3\n");
        assertRefused(table + ": is a CSV table, but the classifier was not trained on CSV columns; expected a folder "
                + "of images, or a .npy or .npz of shape [N, 1, 6, 6] or [N, 6, 6]", imageRun.toString(),
                table.toString());
        Path big = PredictFixtures.npy(tmp.resolve("big.npy"), new byte[72], true);
        Path wrong = NpyTestFiles.npy(tmp.resolve("wrong.npy"), "|u1", new long[] {2, 3, 6, 6},
                ByteBuffer.wrap(new byte[216]));
        assertRefused(wrong + ": holds samples of shape [3, 6, 6] but the classifier takes [1, 6, 6]; expected a "
                + "folder of images, or a .npy or .npz of shape [N, 1, 6, 6] or [N, 6, 6]", imageRun.toString(),
                wrong.toString());
        assertThat(CliRunner.run("predict", imageRun.toString(), big.toString(), "--out",
                tmp.resolve("ok.csv").toString()).exitCode()).as("the same file with one channel is fine").isZero();
        Path ints = NpyTestFiles.npy(tmp.resolve("ints.npy"), "<i8", new long[] {1, 3}, NpyTestFiles.longs(1, 2, 3));
        assertRefused(ints + ": holds int64 values; expected uint8, float32 or float64", csvRun.toString(),
                ints.toString());
        Path shorts = NpyTestFiles.npy(tmp.resolve("shorts.npy"), "<i2", new long[] {1, 3}, ByteBuffer.allocate(6));
        assertRefused(shorts + ": holds int16 values; expected uint8, float32 or float64", csvRun.toString(),
                shorts.toString());
        Path rank5 = NpyTestFiles.npy(tmp.resolve("rank5.npy"), "<f4", new long[] {1, 1, 1, 1, 3},
                NpyTestFiles.floats(1, 2, 3));
        assertRefused(rank5 + ": has shape [1, 1, 1, 1, 3]; expected [N, C, H, W], [N, H, W] or [N, D]",
                csvRun.toString(), rank5.toString());
    }

    @Test
    void aCsvWithoutARunColumnOrWithABadRow() throws Exception {
        Path noB = csv("nob.csv", "a,c,kind\n1,2,yes\n");
        assertRefused(noB + ": has no feature column 'b'; its columns are [a, c, kind]", csvRun.toString(),
                noB.toString());
        Path text = csv("text.csv", "c,b,a\n1,2,3\n1,two,3\n");
        assertRefused(text + ": row 2, column 'b': 'two' is not a finite number; expected a number",
                csvRun.toString(), text.toString());
        Path empty = csv("empty.csv", "c,b,a\n1,2,3\n1,,3\n");
        assertRefused(empty + ": row 2, column 'b': missing value; expected a number", csvRun.toString(),
                empty.toString());
        Path ragged = csv("ragged.csv", "c,b,a\n1,2,3\n1,2\n");
        assertRefused(ragged + ": row 2 (line 3) has 2 fields; expected 3 as in the header", csvRun.toString(),
                ragged.toString());
        Path header = csv("header.csv", "c,b,a\n");
        assertRefused(header + ": has a header but no data rows", csvRun.toString(), header.toString());
        Path nothing = csv("nothing.csv", "");
        assertRefused(nothing + ": is empty; expected a CSV table: a header row of column names, then one row per "
                + "sample", csvRun.toString(), nothing.toString());
        Path twice = csv("twice.csv", "c,b,a,b\n1,2,3,4\n");
        assertRefused(twice + ": the header names the column 'b' twice (columns 2 and 4); expected each column name "
                + "once", csvRun.toString(), twice.toString());
    }

    @Test
    void anOutputThatCannotBeWrittenOrIsTheInput() throws Exception {
        Path missingDir = tmp.resolve("no/such");
        Path out = missingDir.resolve("p.csv");
        CliRunner.Result r = CliRunner.run("predict", imageRun.toString(), images.toString(), "--out", out.toString());
        assertOneLineError(r, "predict", "--out " + out + ": the folder " + missingDir
                + " does not exist; create it first");
        assertThat(tmp.resolve("no")).doesNotExist();

        r = CliRunner.run("predict", imageRun.toString(), images.toString(), "--out", tmp.toString());
        assertOneLineError(r, "predict", "--out " + tmp + " is a folder; expected a file name");

        Path table = csv("rows.csv", "a,b,c\n1,2,3\n");
        r = CliRunner.run("predict", csvRun.toString(), table.toString(), "--out", table.toString());
        assertOneLineError(r, "predict", "--out " + table + " is INPUT; expected another file");
        assertThat(table).hasContent("a,b,c\n1,2,3\n");
    }

    @Test
    void aFailedRunLeavesAnExistingOutputAsItWas() throws Exception {
        Path out = Files.writeString(tmp.resolve("old.csv"), "id,predicted\nkept,yes\n");
        Path ragged = csv("ragged.csv", "c,b,a\n1,2,3\n1,2\n");
        CliRunner.Result r = CliRunner.run("predict", csvRun.toString(), ragged.toString(), "--out", out.toString(),
                "--batch", "1");
        assertOneLineError(r, "predict").startsWith(ragged + ": row 2");
        assertThat(out).hasContent("id,predicted\nkept,yes\n");
    }

    @Test
    void badFlagValues() throws Exception {
        CliRunner.Result r = CliRunner.run("predict", imageRun.toString(), images.toString(), "--out",
                tmp.resolve("p.csv").toString(), "--bad-images", "ignore");
        assertOneLineError(r, "predict").startsWith("Invalid value for option '--bad-images': expected one of "
                + "[SKIP, STOP]").endsWith("(see: ./mwnet predict --help)");
        assertRefused("--batch 0: expected at least 1", imageRun.toString(), images.toString(), "--batch", "0");
        r = CliRunner.run("predict", imageRun.toString(), images.toString());
        assertOneLineError(r, "predict").startsWith("Missing required option: '--out=FILE'");
    }
}
