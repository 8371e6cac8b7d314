package org.mwnet.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.mwnet.backend.BackendInfo;

/**
 * One model's benchmark result, as written to the JSON file.
 *
 * @param model mlp, lenet or resnet32
 * @param hidden MLP hidden width or ResNet base width
 * @param batch batch size (training and meta)
 * @param metaInterval the MW-Net iteration's meta step every k iterations (1 in records written before it existed)
 * @param metaLayers the layers its look-ahead moves ("all" in records written before it existed)
 * @param method the method of the meta-learning iteration measured: mwnet, or cmwnet with its class-aware V
 * @param threads ND4J threads
 * @param backend cpu or cuda
 * @param msPerMwnetIter median ms per MW-Net iteration (look-ahead meta step, V update, classifier update)
 * @param mwnetSpread spread of the per-repetition means: [min, max] in ms
 * @param msPerCeStep median ms per plain cross-entropy step
 * @param ceSpread [min, max] in ms
 * @param imagesPerS training images per second of mwnet over the epoch run (batch loading included); null (JSON
 *     null) when there was no such run ({@code --epoch-iters 0})
 * @param epochIterations iterations in that run
 * @param flopsPerMwnetIter floating-point operations of one exact MW-Net iteration (2 x multiply-adds, see README)
 * @param gflopsMwnet those operations over the measured time per MW-Net iteration: the achieved GFLOP/s for the exact
 *     step, an exact-step equivalent for a cheaper one
 * @param gflopsMatmul GFLOP/s of a 2048x2048 matrix product on the same backend
 * @param peakRssMb the process's peak resident memory while this model was measured, in MiB (-1 where unknown)
 * @param nativeMb native memory JavaCPP tracks (ND4J's arrays on the CPU) at the end of the measurement, in MiB
 * @param device the live backend's description
 * @param pytorch the PyTorch reference's figures measured beside these, or null
 */
public record BenchRecord(
        String model,
        int hidden,
        int batch,
        @JsonProperty("meta_interval") int metaInterval,
        @JsonProperty("meta_layers") String metaLayers,
        String method,
        int threads,
        String backend,
        @JsonProperty("ms_per_mwnet_iter") double msPerMwnetIter,
        @JsonProperty("mwnet_spread_ms") double[] mwnetSpread,
        @JsonProperty("ms_per_ce_step") double msPerCeStep,
        @JsonProperty("ce_spread_ms") double[] ceSpread,
        @JsonProperty("images_per_s") Double imagesPerS,
        @JsonProperty("epoch_iterations") int epochIterations,
        @JsonProperty("flops_per_mwnet_iter") double flopsPerMwnetIter,
        @JsonProperty("gflops_mwnet") double gflopsMwnet,
        @JsonProperty("gflops_matmul") double gflopsMatmul,
        @JsonProperty("peak_rss_mb") double peakRssMb,
        @JsonProperty("native_mb") double nativeMb,
        BackendInfo device,
        @JsonInclude(JsonInclude.Include.NON_NULL) PytorchComparison pytorch) {

    /** Reads records written before the meta step's settings (and the method) existed as mwnet's exact step's. */
    public BenchRecord {
        metaInterval = Math.max(metaInterval, 1);
        metaLayers = metaLayers == null ? "all" : metaLayers;
        method = method == null ? "mwnet" : method;
    }

    /**
     * @param comparison PyTorch's figures for the same settings
     * @return this record with them
     */
    public BenchRecord withPytorch(PytorchComparison comparison) {
        return new BenchRecord(model, hidden, batch, metaInterval, metaLayers, method, threads, backend,
                msPerMwnetIter, mwnetSpread, msPerCeStep, ceSpread, imagesPerS, epochIterations, flopsPerMwnetIter,
                gflopsMwnet, gflopsMatmul, peakRssMb, nativeMb, device,
                comparison);
    }
}
