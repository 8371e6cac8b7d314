package org.mwnet.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mwnet.data.Dataset;
import org.mwnet.eval.Evaluator;
import org.mwnet.eval.Predictions;
import org.mwnet.eval.SampleReport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-sample weight report of a tiny MW-Net run on a slice of real Fashion-MNIST with 40% uniform noise. Whether
 * its low weights find the corrupted samples is checked on TrainerTest's larger run: on slices this small, V learns a
 * decreasing or an increasing function depending on the seed.
 */
class WeightReportTest {
    private static FashionSlice data;
    private static TrainedModel model;
    private static List<SampleReport> report;

    @BeforeAll
    static void train() throws Exception {
        data = TinyRuns.data();
        TrainConfig config = TinyRuns.tinyConfig("mwnet").build();
        model = new Trainer(config).train(data.splits, data.test, data.summary);
        report = WeightReport.of(model, data.splits.train());
    }

    @Test
    void oneConsistentRowPerTrainingSample() {
        Dataset train = data.splits.train();
        assertThat(report).hasSize(train.size());
        double cleanWeights = 0;
        int clean = 0;
        for (int i = 0; i < report.size(); i++) {
            SampleReport r = report.get(i);
            assertThat(r.id()).isEqualTo(Integer.toString(i));
            assertThat(r.observedLabel()).isEqualTo(train.label(i));
            assertThat(r.cleanLabel()).isEqualTo(train.cleanLabel(i));
            assertThat(r.corrupted()).isEqualTo(r.observedLabel() != r.cleanLabel());
            assertThat(r.weight()).isBetween(0.0, 1.0);
            assertThat(r.predictedProbability()).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(r.observedProbability());
            assertThat(r.observedProbability()).isBetween(0.0, 1.0).isCloseTo(Math.exp(-r.loss()), offset(1e-9));
            if (r.predictedLabel() == r.observedLabel()) {
                assertThat(r.predictedProbability()).isCloseTo(r.observedProbability(), offset(1e-9));
            }
            if (!r.corrupted()) {
                cleanWeights += r.weight();
                clean++;
            }
        }
        RunMetrics m = model.metrics();
        assertThat(cleanWeights / clean).as("the same weights as the run's diagnostics")
                .isCloseTo(m.weights().meanWeightClean(), offset(1e-9));
    }

    @Test
    void eachRowCarriesTheCrc32OfItsSamplesFloatBits() {
        Dataset train = data.splits.train();
        int[] shape = train.imageShape();
        INDArray image = Nd4j.create(DataType.FLOAT, 1, shape[0], shape[1], shape[2]);
        for (int i : new int[] {0, 1, train.size() - 1}) {
            train.copyImages(new int[] {i}, image);
            ByteBuffer bits = ByteBuffer.allocate(train.imageSize() * Float.BYTES);
            for (float v : image.reshape(train.imageSize()).toFloatVector()) {
                bits.putFloat(v);
            }
            CRC32 crc = new CRC32();
            crc.update(bits.array());
            assertThat(report.get(i).sampleCrc32()).as("row %d", i).isEqualTo(crc.getValue());
        }
        assertThat(report.stream().mapToLong(SampleReport::sampleCrc32).distinct().count())
                .as("different images, different checksums").isGreaterThan(train.size() * 9L / 10);
    }

    @Test
    void aModelWithoutVHasAReportWithoutWeights() throws Exception {
        TrainConfig ce = TrainConfig.defaults().toBuilder().method("ce").hidden(8).epochs(1).batch(50).build();
        TrainedModel plain = new Trainer(ce).train(data.splits, data.test, data.summary);
        Dataset train = data.splits.train();
        List<SampleReport> rows = WeightReport.of(plain, train);
        assertThat(rows).hasSize(train.size()).noneMatch(SampleReport::weighted);
        Predictions p = new Evaluator(plain.network(), plain.classifier().dataType())
                .predict(plain.classifier(), train);
        for (int i = 0; i < rows.size(); i++) {
            SampleReport r = rows.get(i);
            assertThat(r.loss()).isEqualTo(p.losses()[i]);
            assertThat(r.predictedLabel()).isEqualTo(p.predicted()[i]);
            assertThat(r.corrupted()).isEqualTo(train.isCorrupted(i));
        }
    }
}
