package org.mwnet.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.WeightDiagnostics;
import org.mwnet.io.AtomicFiles;
import org.mwnet.train.RunMetrics;

/** The plots of a run, drawn with XChart from its metrics and written atomically as PNG. */
public final class RunPlots {
    /** Line colours of a class-aware V's family curves (dark, distinct from the histograms' blue and red). */
    private static final Color[] FAMILY_COLORS = {Color.BLACK, new Color(0, 130, 60), new Color(140, 60, 170),
        new Color(200, 130, 0), new Color(90, 90, 90)};
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private RunPlots() {
    }

    /**
     * V(loss) over the training-loss range, above the histograms of clean and corrupted samples' losses; for a
     * class-aware V one curve per family, labelled with the family's classes.
     *
     * @param w the run's weight diagnostics
     * @param title chart title
     * @return the chart
     */
    public static XYChart weightFunction(WeightDiagnostics w, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training loss").yAxisTitle("fraction of samples").build();
        double[] centres = new double[w.cleanHistogram().length];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (w.histogramEdges()[i] + w.histogramEdges()[i + 1]) / 2;
        }
        double total = Arrays.stream(w.cleanHistogram()).sum() + Arrays.stream(w.corruptedHistogram()).sum();
        addArea(chart, "clean samples", centres, w.cleanHistogram(), total, new Color(60, 140, 220, 140));
        if (Arrays.stream(w.corruptedHistogram()).sum() > 0) {
            addArea(chart, "corrupted samples", centres, w.corruptedHistogram(), total, new Color(230, 90, 60, 140));
        }
        if (w.familyCurves() == null) {
            addCurve(chart, "V(loss)", w.curveLoss(), w.curveWeight(), Color.BLACK);
        } else {
            for (WeightDiagnostics.FamilyCurve f : w.familyCurves()) {
                addCurve(chart, "V(loss), family " + f.family() + ": class" + (f.classes().size() == 1 ? " " : "es ")
                        + f.classes().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        w.curveLoss(), f.weight(), FAMILY_COLORS[f.family() % FAMILY_COLORS.length]);
            }
        }
        chart.setYAxisGroupTitle(1, "weight V(loss)");
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries v = chart.addSeries(name, x, y);
        v.setYAxisGroup(1);
        v.setMarker(SeriesMarkers.NONE);
        v.setLineColor(color);
    }

    private static void addArea(XYChart chart, String name, double[] x, int[] counts, double total, Color color) {
        double[] y = Arrays.stream(counts).mapToDouble(c -> c / total).toArray();
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color);
    }

    /**
     * @param m the run's metrics
     * @return accuracy (selection when the run had a selection set, and test when it had a test set) per epoch
     */
    public static XYChart accuracy(RunMetrics m) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title("accuracy")
                .xAxisTitle("epoch").yAxisTitle("%").build();
        double[] epochs = series(m.epochs(), e -> e.epoch());
        if (m.finalTestAcc() != null) {
            chart.addSeries("test", epochs, series(m.epochs(), EpochMetrics::testAcc));
        }
        if (m.epochs().get(0).selectionAcc() != null) {
            chart.addSeries(m.selectionSet(), epochs, series(m.epochs(), EpochMetrics::selectionAcc));
        }
        return chart;
    }

    /**
     * @param m the run's metrics
     * @return training loss per epoch, and meta loss in the epochs that took meta steps (not the warm-up's)
     */
    public static XYChart loss(RunMetrics m) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title("loss")
                .xAxisTitle("epoch").yAxisTitle("cross-entropy").build();
        double[] epochs = series(m.epochs(), e -> e.epoch());
        chart.addSeries("train (observed labels)", epochs, series(m.epochs(), EpochMetrics::trainLoss));
        List<EpochMetrics> meta = m.epochs().stream().filter(e -> e.metaLoss() != null).toList();
        if (!meta.isEmpty()) {
            chart.addSeries("meta (look-ahead)", series(meta, e -> e.epoch()), series(meta, EpochMetrics::metaLoss));
        }
        return chart;
    }

    private static double[] series(List<EpochMetrics> epochs, java.util.function.ToDoubleFunction<EpochMetrics> f) {
        return epochs.stream().mapToDouble(f).toArray();
    }

    /**
     * Writes charts side by side into one PNG, atomically.
     *
     * @param file target
     * @param charts the charts, left to right
     * @throws IOException when writing fails
     */
    public static void writePng(Path file, XYChart... charts) throws IOException {
        BufferedImage[] images = Arrays.stream(charts).map(BitmapEncoder::getBufferedImage).toArray(BufferedImage[]::new);
        int width = Arrays.stream(images).mapToInt(BufferedImage::getWidth).sum();
        int height = Arrays.stream(images).mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage img : images) {
            g.drawImage(img, x, 0, null);
            x += img.getWidth();
        }
        g.dispose();
        AtomicFiles.write(file, stream -> ImageIO.write(out, "png", stream));
    }
}
