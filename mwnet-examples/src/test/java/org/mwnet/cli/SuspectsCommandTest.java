package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mwnet.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.DataLocator;
import org.mwnet.data.Datasets;
import org.mwnet.data.Idx;
import org.mwnet.data.IdxSource;
import org.mwnet.data.Splits;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.Suspects;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.Json;
import org.mwnet.plots.SuspectGrid;
import org.mwnet.train.Checkpoint;

/** weights.csv from a training run, and {@code mwnet suspects} on hand-made and trained run directories. */
class SuspectsCommandTest {
    private static final String HEADER = "id,observed_label,loss,weight,predicted_label,predicted_probability,"
            + "observed_probability,clean_label,corrupted,sample_crc32\n";

    @TempDir
    Path tmp;

    /**
     * Ranked c, f, b, a, e, d (weight, then p(observed), then row); b, e and f are corrupted. The loss is
     * -ln p(observed), so the weights fall with the loss: Spearman's correlation -15.5 / sqrt(17 * 15.5).
     */
    private Path handMadeRun(boolean cleanKnown) throws Exception {
        String[][] rows = {
            {"a", "0.5", "0.3", "false"}, {"b", "0.1", "0.2", "true"}, {"c", "0.1", "0.05", "false"},
            {"d", "0.9", "0.9", "false"}, {"e", "0.6", "0.4", "true"}, {"f", "0.1", "0.05", "true"}};
        StringBuilder csv = new StringBuilder(HEADER);
        for (String[] r : rows) {
            boolean corrupted = Boolean.parseBoolean(r[3]);
            csv.append(r[0]).append(",1,").append(-Math.log(Double.parseDouble(r[2]))).append(',').append(r[1])
                    .append(",2,0.9,").append(r[2]).append(',')
                    .append(cleanKnown ? (corrupted ? "2," : "1,") + r[3] : ",").append(",00000000\n");
        }
        Path run = Files.createDirectories(tmp.resolve(cleanKnown ? "known" : "unknown"));
        Files.writeString(run.resolve("weights.csv"), csv);
        return run;
    }

    /** @return the listed rows: the lines between the column header and the precision or png line */
    private static List<String> rowsOf(String out) {
        return out.lines().dropWhile(l -> !l.startsWith("rank ")).skip(1)
                .takeWhile(l -> !l.startsWith("precision") && !l.contains("suspects.png")).toList();
    }

    /** @return the ids of the listed rows */
    private static List<String> firstColumnsOf(String out) {
        return rowsOf(out).stream().map(l -> l.strip().split("\\s+")[1]).toList();
    }

    /** @return how many of the listed rows are corrupted, as the precision line counts them */
    private static int corruptedListed(String out) {
        Matcher m = Pattern.compile("precision@\\d+ \\S+ \\((\\d+) of \\d+ corrupted\\)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void ranksAHandMadeReportAndMeasuresIt() throws Exception {
        CliRunner.Result r = CliRunner.run("suspects", handMadeRun(true).toString(), "--top", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).as("no warning that weights rise with the loss").doesNotContain("higher losses");
        assertThat(r.out()).contains("(by weight, lowest first)\n--rank-by auto chose weight: V's weights fall with "
                + "the loss in this run (Spearman's rank correlation -0.9549)\n");
        assertThat(firstColumnsOf(r.out())).containsExactly("c", "f", "b");
        assertThat(rowsOf(r.out())).allMatch(l -> l.contains("1 -> 2"));
        assertThat(rowsOf(r.out()).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactly("no", "yes", "yes");
        // hand-computed: 2 of the top 3 are corrupted, 2 of the 3 corrupted are in the top 3, 5 of 9 pairs in order
        assertThat(r.out()).contains("precision@3 0.6667 (2 of 3 corrupted), recall@3 0.6667 (2 of 3 corrupted "
                + "samples), ROC AUC 0.5556");

        CliRunner.Result all = CliRunner.run("suspects", handMadeRun(true).toString());
        assertThat(firstColumnsOf(all.out())).as("default K 20, capped at 6 rows").containsExactly("c", "f", "b", "a",
                "e", "d");
        assertThat(all.out()).contains("precision@6 0.5000 (3 of 6 corrupted), recall@6 1.0000 (3 of 3 corrupted samples), ROC AUC 0.5556");
    }

    @Test
    void withoutTrueLabelsListsOnly() throws Exception {
        CliRunner.Result r = CliRunner.run("suspects", handMadeRun(false).toString(), "--top", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(firstColumnsOf(r.out())).containsExactly("c", "f");
        assertThat(r.out()).doesNotContain("precision").doesNotContain("corrupted");
    }

    @Test
    void badInputGivesOneLineAndExitCode2() throws Exception {
        Path run = handMadeRun(true);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("weights.csv"), HEADER + "a,1,1.0,0.5,2,0.9,x,1,false,00000000\n");
        Path unweighted = Files.createDirectories(tmp.resolve("unweighted"));
        Files.writeString(unweighted.resolve("weights.csv"), HEADER + "a,1,1.0,,2,0.9,0.3,1,false,00000000\n");
        Path mixed = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(mixed.resolve("weights.csv"), HEADER + "a,1,1.0,0.5,2,0.9,0.3,1,false,00000000\n"
                + "b,1,1.0,,2,0.9,0.3,1,false,00000000\n");
        String[][] cases = {
            {run.toString(), "--top", "0", "--top 0: expected at least 1"},
            {run.toString(), "--rank-by", "loss", "--rank-by loss: expected auto, weight or self-confidence"},
            {run.toString(), "--data-dir", tmp.resolve("nowhere").toString(), "--data-dir " + tmp.resolve("nowhere")
                    + " is not a directory"},
            {unweighted.toString(), "--rank-by", "weight", "--rank-by weight: " + unweighted.resolve("weights.csv")
                    + " has no weights, as the run's method learns no V; use --rank-by self-confidence"},
            {tmp.resolve("nowhere").toString(), "RUN_DIR " + tmp.resolve("nowhere") + " is not a directory"},
            {empty.toString(), empty.resolve("weights.csv") + " not found"},
            {broken.toString(), broken.resolve("weights.csv") + " row 1, column observed_probability: found \"x\", "
                    + "expected a number in [0.0, 1.0]"},
            {mixed.toString(), mixed.resolve("weights.csv") + " row 2, column weight: found \"\", expected a weight as "
                    + "in row 1"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = CliRunner.run(concat("suspects", Arrays.copyOf(c, c.length - 1)));
            assertOneLineError(r, "suspects").startsWith(c[c.length - 1]);
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void aTrainingRunWritesOneRowPerTrainingSample() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString(),
                "--noise", "uniform", "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "16", "--epochs", "1",
                "--batch", "50", "--seed", "3", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode m = Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("weights.csv"))).getRecords();
        assertThat(rows).hasSize(m.get("dataset").get("train_size").asInt());
        int corrupted = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertThat(row.get("id")).isEqualTo(Integer.toString(i));
            for (String p : List.of("weight", "predicted_probability", "observed_probability")) {
                assertThat(Double.parseDouble(row.get(p))).as(p).isBetween(0.0, 1.0);
            }
            boolean wrong = Boolean.parseBoolean(row.get("corrupted"));
            assertThat(wrong).isEqualTo(!row.get("observed_label").equals(row.get("clean_label")));
            corrupted += wrong ? 1 : 0;
        }
        assertThat((double) corrupted / rows.size()).as("the run's noisy fraction")
                .isEqualTo(m.get("dataset").get("noisy_fraction").asDouble());

        CliRunner.Result s = CliRunner.run("suspects", out.toString(), "--top", "5", "--rank-by", "weight",
                "--data-dir", data.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(firstColumnsOf(s.out())).hasSize(5);
        assertThat(s.out()).contains("by weight, lowest first").contains("precision@5 ");
        assertTopImageIsTheTrainingImage(data, out, firstColumnsOf(s.out()).get(0), 5);
    }

    /**
     * Checks suspects.png against the raw IDX bytes: its size is the grid's of {@code shown} images, and the first
     * image, enlarged 4 times, is the training image of weights.csv's id {@code topId} (row of the redrawn split).
     */
    private static void assertTopImageIsTheTrainingImage(Path data, Path run, String topId, int shown)
            throws Exception {
        BufferedImage grid = ImageIO.read(run.resolve("suspects.png").toFile());
        SuspectGrid.Layout layout = SuspectGrid.Layout.of(shown);
        assertThat(grid.getWidth()).isEqualTo(layout.width());
        assertThat(grid.getHeight()).isEqualTo(layout.height());
        Path fashion = data.resolve("fashion-mnist");
        Splits splits = Splits.make(Datasets.load("fashion-mnist", DataLocator.standard(data)).train(),
                Checkpoint.read(run.resolve("checkpoint.zip")).data().splitConfig());
        int pool = splits.trainIndices()[Integer.parseInt(topId)];
        byte[] raw = Idx.read(fashion.resolve(IdxSource.TRAIN_IMAGES), 3).data();
        Rectangle at = layout.placement(0, 28, 28);
        for (int p = 0; p < 28 * 28; p++) {
            int v = raw[pool * 28 * 28 + p] & 0xFF;
            assertThat(grid.getRGB(at.x + 4 * (p % 28), at.y + 4 * (p / 28)) & 0xFFFFFF).as("pixel %d", p)
                    .isEqualTo(v << 16 | v << 8 | v);
        }
    }

    @Test
    void aCeRunWritesWeightsCsvWithoutWeightsAndRanksBySelfConfidence() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("ce");
        CliRunner.Result r = CliRunner.run("train", "--method", "ce", "--dataset", "fashion-mnist", "--data-dir",
                data.toString(), "--noise", "flip", "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "16",
                "--epochs", "1", "--batch", "50", "--seed", "3", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<SampleReport> report = WeightsCsv.read(out.resolve("weights.csv"));
        assertThat(report).hasSize(600).noneMatch(SampleReport::weighted).allMatch(SampleReport::cleanKnown);
        assertThat(Files.readString(out.resolve("weights.csv")).lines().skip(1))
                .allMatch(l -> l.split(",", -1)[3].isEmpty());

        CliRunner.Result s = CliRunner.run("suspects", out.toString(), "--top", "600", "--data-dir", data.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).contains("by self-confidence: lowest probability of the observed label first")
                .contains(out.resolve("suspects.png") + ": the top 100 of the 600 listed as \"observed -> suggested\"");
        List<String> ids = firstColumnsOf(s.out());
        double previous = 0;
        for (String id : ids) {
            double p = report.get(Integer.parseInt(id)).observedProbability();
            assertThat(p).as("p(observed) ascending").isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(ids).hasSize(600).doesNotHaveDuplicates();
        assertTopImageIsTheTrainingImage(data, out, ids.get(0), SuspectGrid.MAX_IMAGES);

        // a row whose sample_crc32 no longer fits the redrawn split: a warning, no grid
        List<String> lines = Files.readAllLines(out.resolve("weights.csv"));
        String first = lines.get(1);
        int cut = first.lastIndexOf(',') + 1;
        lines.set(1, first.substring(0, cut) + (first.endsWith("00000000") ? "00000001" : "00000000"));
        Files.write(out.resolve("weights.csv"), lines);
        CliRunner.Result changed = CliRunner.run("suspects", out.toString(), "--top", "5", "--data-dir",
                data.toString());
        assertThat(changed.exitCode()).isZero();
        assertThat(changed.err().strip()).doesNotContain("\n").isEqualTo("mwnet suspects: warning: no suspects.png: "
                + out.resolve("weights.csv") + " row 1: the redrawn fashion-mnist training split's sample 0 does not "
                + "match its sample_crc32; expected the same data files");
        assertThat(out.resolve("suspects.png")).doesNotExist();
    }

    @Test
    void aWeightsCsvCutShortOrReorderedIsRefused() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path out = tmp.resolve("cut");
        CliRunner.Result r = CliRunner.run(CliRunner.smallTrain(data, out, "--method", "ce").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path weights = out.resolve("weights.csv");
        List<String> lines = Files.readAllLines(weights);
        assertThat(lines).as("the header and 600 rows").hasSize(601);

        Files.write(weights, lines.subList(0, 301));
        CliRunner.Result cut = CliRunner.run("suspects", out.toString(), "--data-dir", data.toString());
        assertThat(cut.out()).isEmpty();
        assertOneLineError(cut, "suspects", weights + " holds 300 rows but the run trained on 600 samples ("
                + out.resolve("checkpoint.zip") + "); expected one row per training sample: it is cut short or from "
                + "another run; train --out " + out + " --resume with the run's options writes it again");
        assertThat(out.resolve("suspects.png")).doesNotExist();

        List<String> swapped = new ArrayList<>(lines);
        Collections.swap(swapped, 1, 2);
        Files.write(weights, swapped);
        CliRunner.Result reordered = CliRunner.run("suspects", out.toString(), "--data-dir", data.toString());
        assertOneLineError(reordered, "suspects", weights + " row 1: id \"1\", expected 0, the row number of the "
                + "run's training split, as train writes them; train --out " + out + " --resume with the run's "
                + "options writes it again");
        assertThat(out.resolve("suspects.png")).doesNotExist();

        Files.write(weights, lines);
        CliRunner.Result whole = CliRunner.run("suspects", out.toString(), "--data-dir", data.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(out.resolve("suspects.png")).exists();
    }

    /**
     * One epoch of mwnet on 600 learnable samples, 40% of their labels replaced at random: V learns weights that rise
     * with the loss, so the lowest weights are the cleanest samples, and auto ranks by self-confidence.
     */
    @Test
    void onAShortRunWhoseWeightsRiseWithTheLossAutoRanksBySelfConfidence() throws Exception {
        Path data = CliRunner.learnableData(tmp);
        Path out = tmp.resolve("short");
        CliRunner.Result r = CliRunner.run(CliRunner.smallTrain(data, out, "--noise", "uniform", "--noise-rate", "0.4",
                "--seed", "3").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        double rho = Suspects.lossWeightCorrelation(WeightsCsv.read(out.resolve("weights.csv")));
        assertThat(rho).as("V's weights rise with the loss").isPositive();

        CliRunner.Result auto = CliRunner.run("suspects", out.toString(), "--data-dir", data.toString());
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.err()).isEmpty();
        assertThat(auto.out()).contains("(by self-confidence: lowest probability of the observed label first)\n"
                + String.format(Locale.ROOT, "--rank-by auto chose self-confidence: V's weights rise with the loss in "
                + "this run (Spearman's rank correlation %.4f)%n", rho));
        assertThat(corruptedListed(auto.out())).as("flipped labels among the top 20").isGreaterThanOrEqualTo(15);

        CliRunner.Result byWeight = CliRunner.run("suspects", out.toString(), "--rank-by", "weight", "--data-dir",
                data.toString());
        assertThat(byWeight.exitCode()).as(byWeight.err()).isZero();
        assertThat(byWeight.err()).startsWith("mwnet suspects: warning: in this run V gives higher weights to higher "
                + "losses");
        assertThat(byWeight.out()).contains("(by weight, lowest first)").doesNotContain("--rank-by auto");
        assertThat(corruptedListed(byWeight.out())).as("the weight ranking lists clean samples").isLessThanOrEqualTo(5);

        CliRunner.Result bySelfConfidence = CliRunner.run("suspects", out.toString(), "--rank-by", "self-confidence",
                "--data-dir", data.toString());
        assertThat(bySelfConfidence.out()).doesNotContain("--rank-by auto");
        assertThat(firstColumnsOf(bySelfConfidence.out())).isEqualTo(firstColumnsOf(auto.out()));
    }
}
