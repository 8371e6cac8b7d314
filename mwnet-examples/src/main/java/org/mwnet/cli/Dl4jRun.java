package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.mwnet.dl4j.Dl4jNetwork;
import org.mwnet.dl4j.Dl4jNetworks;
import org.mwnet.io.AtomicFiles;
import org.mwnet.nn.Parameters;
import org.mwnet.run.RunData;
import org.mwnet.train.TrainConfig;
import org.mwnet.train.TrainedModel;
import picocli.CommandLine.ParseResult;

/**
 * {@code train --dl4j-model FILE}: the network read from a DL4J configuration (JSON) or model zip for the run's data,
 * the zip's weights to start from, and the trained network written back as a DL4J model zip.
 *
 * @param model the network read
 * @param start the zip's parameters, or null for a configuration (mwnet then initialises the network)
 */
record Dl4jRun(Dl4jNetwork model, Parameters start) {
    /** The flags that choose the built-in network, which a DL4J network replaces. */
    private static final String[] EXCLUDED = {"--model", "--hidden", "--spark-master"};

    /**
     * @param file the flag's value
     * @param parsed the command line, to refuse flags that conflict
     * @param data the run's data (its sample shape is the network's input)
     * @param config the run's configuration (its precision)
     * @return the run's network
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the flag, when the file or the flags cannot be used
     */
    static Dl4jRun read(Path file, ParseResult parsed, RunData data, TrainConfig config) throws IOException {
        for (String flag : EXCLUDED) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException("--dl4j-model gives the network; " + flag + " cannot be used with "
                        + "it" + ("--spark-master".equals(flag) ? " (Spark workers build built-in models only)" : ""));
            }
        }
        int[] s = data.splits().train().imageShape();
        try {
            Dl4jNetwork model = Dl4jNetworks.read(file, Arrays.stream(s).asLongStream().toArray());
            boolean zip = file.getFileName().toString().endsWith(".zip");
            return new Dl4jRun(model, zip ? model.parameters(file, config.dataType()) : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dl4j-model " + e.getMessage(), e);
        }
    }

    /**
     * @param trained the trained model
     * @return writes it as a DL4J model zip
     */
    AtomicFiles.Writer export(TrainedModel trained) {
        return out -> model.write(trained, out);
    }
}
