package org.mwnet.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * PyTorch's figures for the same model, sizes, threads, warm-up and repetitions, measured in the same session, and
 * mwnet's time as a ratio of them (below 1: mwnet is faster).
 *
 * @param version torch version
 * @param msPerMwnetIter median ms per MW-Net iteration
 * @param mwnetSpread [min, max] of the per-repetition means
 * @param msPerCeStep median ms per cross-entropy step
 * @param ceSpread [min, max]
 * @param peakRssMb PyTorch's peak resident memory, in MiB
 * @param ratioMwnetIter mwnet's median ms per MW-Net iteration over PyTorch's
 * @param ratioCeStep mwnet's median ms per cross-entropy step over PyTorch's
 */
public record PytorchComparison(
        String version,
        @JsonProperty("ms_per_mwnet_iter") double msPerMwnetIter,
        @JsonProperty("mwnet_spread_ms") double[] mwnetSpread,
        @JsonProperty("ms_per_ce_step") double msPerCeStep,
        @JsonProperty("ce_spread_ms") double[] ceSpread,
        @JsonProperty("peak_rss_mb") double peakRssMb,
        @JsonProperty("ratio_mwnet_iter") double ratioMwnetIter,
        @JsonProperty("ratio_ce_step") double ratioCeStep) {

    /**
     * @param mine mwnet's record
     * @param torch the reference's result
     * @return the comparison
     */
    static PytorchComparison of(BenchRecord mine, TorchReference.Result torch) {
        return new PytorchComparison(torch.version(), torch.mwnet().medianMs(),
                new double[] {torch.mwnet().minMs(), torch.mwnet().maxMs()}, torch.ce().medianMs(),
                new double[] {torch.ce().minMs(), torch.ce().maxMs()}, torch.peakRssMb(),
                mine.msPerMwnetIter() / torch.mwnet().medianMs(), mine.msPerCeStep() / torch.ce().medianMs());
    }
}
