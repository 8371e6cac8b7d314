package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.train.RunMetrics;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.Trainer;

/**
 * A real DataVec pipeline, {@code CSVRecordReader} behind a {@code RecordReaderDataSetIterator}, feeding mwnet: it
 * gives the same samples as mwnet's own CSV reader, and MW-Net trains on a noisy training set and a trusted set read
 * that way.
 */
class DataVecPipelineTest {
    @TempDir
    Path dir;

    /** Three classes of 2-D points around three centres, a fraction of the rows labelled at random. */
    private Path table(String name, int rows, double noisy, long seed) throws IOException {
        double[][] centres = {{-3, 0}, {3, 0}, {0, 4}};
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < rows; i++) {
            int c = i % 3;
            int observed = rng.nextDouble() < noisy ? rng.nextInt(3) : c;
            csv.append(centres[c][0] + rng.nextGaussian() * 0.5).append(',')
                    .append(centres[c][1] + rng.nextGaussian() * 0.5).append(',').append(observed).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    /** The DataVec way: skip the header, label in column 2, three classes, batches of 16 rows. */
    private static LabelledData viaDataVec(Path csv, String name) throws IOException, InterruptedException {
        CSVRecordReader reader = new CSVRecordReader(1, ',');
        reader.initialize(new FileSplit(csv.toFile()));
        return Datasets.fromIterator(new RecordReaderDataSetIterator(reader, 16, 2, 3), name);
    }

    @Test
    void givesTheSamplesMwnetsOwnCsvReaderGives() throws Exception {
        Path csv = table("t.csv", 50, 0.2, 1);
        LabelledData datavec = viaDataVec(csv, "t");
        LabelledData own = Datasets.fromCsv(csv, CsvOptions.label("class"));
        assertThat(datavec.data().imageShape()).containsExactly(own.data().imageShape());
        assertThat(SampleValues.of(datavec.data())).containsExactly(SampleValues.of(own.data()));
        assertThat(datavec.data().labels()).containsExactly(own.data().labels());
        assertThat(datavec.classes()).isEqualTo(own.classes()).containsExactly("0", "1", "2");
        assertThat(datavec.data().size()).isEqualTo(50);
    }

    @Test
    void mwnetTrainsOnANoisyTrainingSetAndATrustedSetReadThroughDataVec() throws Exception {
        LabelledData train = viaDataVec(table("train.csv", 300, 0.4, 2), "train");
        LabelledData trusted = viaDataVec(table("trusted.csv", 60, 0, 3), "trusted");
        LabelledData test = viaDataVec(table("test.csv", 90, 0, 4), "test");
        GivenSplits.requireSameClasses("training set", train, "trusted set", trusted);
        Splits splits = GivenSplits.carving(train.data(), trusted.data(), 12, 1);
        InputSettings input = InputSettings.ofFiles(InputSettings.ITERATOR, train, Normalization.fit(train.data()));
        TrainConfig config = TrainConfig.defaults().toBuilder().model("mlp").hidden(16).method("mwnet").epochs(2)
                .batch(20).lr(0.1).build();
        RunMetrics r = new Trainer(config).train(splits, test.data(), GivenSplits.summary(splits, test.data(), 1, input))
                .metrics();
        assertThat(r.dataset().input().format()).isEqualTo("iterator");
        assertThat(r.dataset().trainSize()).isEqualTo(300);
        assertThat(r.dataset().metaSize()).isEqualTo(48);
        assertThat(r.finalTestAcc()).as("three separated clusters despite 40% of labels drawn at random")
                .isGreaterThan(90);
    }
}
