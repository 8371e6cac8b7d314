package org.mwnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mwnet.bench.BenchRecord;
import org.mwnet.bench.IterationBenchmark;
import org.mwnet.bench.MatmulBenchmark;
import org.mwnet.bench.PytorchComparison;
import org.mwnet.bench.TorchReference;
import org.mwnet.data.SplitConfig;
import org.mwnet.io.AtomicFiles;
import org.mwnet.io.Json;
import org.mwnet.nn.Model;
import org.mwnet.nn.Models;
import org.mwnet.train.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mwnet bench}: training-iteration speed on the live backend; the same command on CPU and CUDA machines. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure ms per MW-Net iteration and per CE step, images/s and GFLOP/s on the live backend.")
final class BenchCommand implements Callable<Integer> {
    /** The images of one training epoch: Fashion-MNIST's 60,000 training images less the default meta set. */
    private static final int EPOCH_IMAGES = 60_000 - SplitConfig.defaults().metaSize();
    /** ResNet-32's images/s run: a few iterations, as a whole epoch of it takes many minutes on a CPU. */
    private static final int RESNET_EPOCH_ITERATIONS = 3;

    @Option(names = "--model", split = ",", defaultValue = "mlp",
            description = "Models to measure: mlp, lenet, resnet32, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--hidden", description = "MLP hidden width (default " + Models.MLP_WIDTH + ") or ResNet base width (default "
            + Models.RESNET_WIDTH + ").")
    Integer hidden;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "100", description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--iters", defaultValue = "50", description = "Iterations per repetition (default: ${DEFAULT-VALUE}).")
    int iters;

    @Option(names = "--epoch-iters", description = "Iterations of the images/s run, 0 for none (default: one "
            + "Fashion-MNIST epoch at --batch, 590 at 100, for mlp and lenet; " + RESNET_EPOCH_ITERATIONS
            + " for resnet32).")
    Integer epochIters;

    @Option(names = "--meta-interval", split = ",", defaultValue = "1", description = "The MW-Net iteration's meta "
            + "step every k iterations, as train's --meta-interval; comma-separated values are each measured "
            + "(default: ${DEFAULT-VALUE}). Warm-up and timed iterations are rounded up to whole cycles of k.")
    List<Integer> metaIntervals;

    @Option(names = "--meta-layers", split = ",", defaultValue = "all", description = "The layers its look-ahead "
            + "moves, as train's --meta-layers; comma-separated choices are each measured (default: ${DEFAULT-VALUE}).")
    List<String> metaLayers;

    @Option(names = "--method", converter = TrainOptions.MethodName.class, description = "The meta-learning "
            + "iteration measured beside ce: mwnet, or cmwnet (CMW-Net's class-aware V, 3 families) (default: "
            + "${DEFAULT-VALUE}).")
    Method method = Method.MWNET;

    @Option(names = "--json", description = "Write the records to this JSON file.")
    Path json;

    @Option(names = "--torch-reference", description = "Also run this PyTorch reference script "
            + "(torch_mwnet_step.py) for each model with the same sizes, threads, warm-up, repetitions and iterations, "
            + "and print the time ratios and both peak memories.")
    Path torch;

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkFiles();
        backendOptions.checkThreads();
        if (batch < 1 || warmup < 0 || repeats < 1 || iters < 1 || (epochIters != null && epochIters < 0)) {
            throw new IllegalArgumentException("--batch, --repeats and --iters must be >= 1, --warmup and --epoch-iters >= 0");
        }
        List<IterationBenchmark.Settings> settings = new ArrayList<>();
        for (String m : models) {
            Model model = Model.of(m);
            int h = hidden != null ? hidden : model.defaultWidth();
            int e = epochIters != null ? epochIters
                    : model == Model.RESNET32 ? RESNET_EPOCH_ITERATIONS : EPOCH_IMAGES / batch;
            for (String layers : metaLayers) {
                for (int k : metaIntervals) {
                    settings.add(checked(new IterationBenchmark.Settings(m, h, batch, warmup, repeats, iters, e, k,
                            layers, method)));
                }
            }
        }
        var err = spec.commandLine().getErr();
        backendOptions.apply(err);
        double matmul = MatmulBenchmark.gflops(2048);
        List<BenchRecord> records = new ArrayList<>();
        var out = spec.commandLine().getOut();
        out.printf("%-9s %6s %5s %4s %-10s %7s %-5s %18s %16s %9s %11s %11s %9s%n", "model", "hidden", "batch",
                "k", "layers", "threads", "back", "ms/mwnet iter", "ms/ce step", "images/s", "GFLOP/s it",
                "GFLOP/s mm", "peak MiB");
        for (IterationBenchmark.Settings one : settings) {
            BenchRecord r = IterationBenchmark.run(one, backendOptions.threads, matmul);
            out.printf("%-9s %6d %5d %4d %-10s %7d %-5s %7.2f [%5.2f-%5.2f] %6.2f [%4.2f-%4.2f] %9s %11.2f %11.2f "
                    + "%9.0f%n", r.model(), r.hidden(), r.batch(), r.metaInterval(), r.metaLayers(), r.threads(), r.backend(), r.msPerMwnetIter(), r.mwnetSpread()[0],
                    r.mwnetSpread()[1], r.msPerCeStep(), r.ceSpread()[0], r.ceSpread()[1],
                    r.imagesPerS() == null ? "-" : String.format("%.0f", r.imagesPerS()),
                    r.gflopsMwnet(), r.gflopsMatmul(), r.peakRssMb());
            out.flush();
            if (torch != null) {
                PytorchComparison t = TorchReference.compare(torch, one, backendOptions.threads, r);
                r = r.withPytorch(t);
                out.printf("%-9s PyTorch %s: %.2f [%.2f-%.2f] ms/mwnet iter, %.2f [%.2f-%.2f] ms/ce step, peak %.0f MiB;"
                        + " mwnet/PyTorch time ratio %.2f (mwnet iter), %.2f (ce step)%n", "", t.version(),
                        t.msPerMwnetIter(), t.mwnetSpread()[0], t.mwnetSpread()[1], t.msPerCeStep(), t.ceSpread()[0],
                        t.ceSpread()[1], t.peakRssMb(), t.ratioMwnetIter(), t.ratioCeStep());
                out.flush();
            }
            records.add(r);
        }
        if (json != null) {
            AtomicFiles.write(json, s -> Json.MAPPER.writeValue(s, records));
            err.println("mwnet: wrote " + json);
        }
        out.flush();
        return 0;
    }

    /**
     * Checks one setting before minutes of measuring: as a training run's configuration, against the machine's
     * memory, and against what the PyTorch reference can run beside it.
     */
    private IterationBenchmark.Settings checked(IterationBenchmark.Settings one) {
        IterationBenchmark.network(one);
        if (torch != null && one.method() != Method.MWNET) {
            throw new IllegalArgumentException("--method " + one.method() + ": the PyTorch reference "
                    + "(--torch-reference) times MW-Net's plain V only");
        }
        if (torch != null && !TorchReference.HAS_META_LAYERS.contains(one.metaLayers())) {
            throw new IllegalArgumentException("--meta-layers " + one.metaLayers() + ": the PyTorch reference "
                    + "(--torch-reference) has " + String.join(" and ", TorchReference.HAS_META_LAYERS) + " only");
        }
        return one;
    }

    /** Checks the files the run reads and writes, before minutes of measuring. */
    private void checkFiles() {
        if (torch != null && !(Files.isRegularFile(torch) && Files.isReadable(torch))) {
            throw new IllegalArgumentException("--torch-reference " + torch + ": " + (Files.exists(torch)
                    ? "not a readable file" : "no such file") + " (expected the path of torch_mwnet_step.py)");
        }
        if (json != null) {
            if (Files.isDirectory(json)) {
                throw new IllegalArgumentException("--json " + json + " is a directory; expected a file name, such as "
                        + json.resolve("bench.json"));
            }
            Path folder = json.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--json: " + (Files.exists(folder) ? folder + " is not a directory"
                        : "directory " + folder + " does not exist"));
            }
            try {
                // a real write, as the result's will be: the permission bits do not tell (root, /proc, read-only mounts)
                Files.delete(Files.createTempFile(folder, "." + json.getFileName(), ".part"));
            } catch (java.io.IOException e) {
                // the exception's own message names the probe's temporary file, which the user never asked for
                String reason = e instanceof java.nio.file.AccessDeniedException ? " (permission denied)"
                        : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                        ? " (" + f.getReason() + ")" : "";
                throw new IllegalArgumentException("--json " + json + ": cannot create files in " + folder + reason, e);
            }
        }
    }
}
