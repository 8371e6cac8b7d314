package org.mwnet.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.mwnet.data.Dataset;
import org.mwnet.data.DatasetSummary;
import org.mwnet.data.Splits;
import org.mwnet.dl4j.Dl4jNetwork;
import org.mwnet.eval.EpochMetrics;
import org.mwnet.eval.Predictions;
import org.mwnet.eval.WeightDiagnostics;
import org.mwnet.meta.WeightFunction;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a classifier on noisy or imbalanced data by one method's {@link Iteration}, evaluating each epoch on the
 * selection set (validation split, or the meta set) and the test set, checkpointing the full state after every epoch.
 * Method finetune trains on the meta set in its last epochs, so it needs a validation split to select on.
 * A run whose losses or state stop being finite stops with a {@link TrainingDivergedException} before its
 * checkpoint is written, so the last checkpoint stays the last finite state.
 * An iteration runs on the P micro-batches of {@link TrainConfig#accumulate} (one, the whole batch, by default), as
 * {@link Methods} describes; with {@link TrainConfig#syncEvery} its workers train replicas of the state, averaged every
 * few iterations and at the end of every epoch ({@link Iteration#finishEpoch}), so that the evaluation and the
 * checkpoint see one state. Configure with the {@code with...} methods, then call {@link #train}.
 */
public final class Trainer {
    private final TrainConfig config;
    private Path checkpoint;
    private boolean resume;
    private Parameters initialTheta;
    private String initialVSource;
    private TrainingListener listener = new TrainingListener() { };
    private MethodFactory methods = Methods::create;
    private Network network;
    private Parameters initialClassifier;
    private String dl4jConfiguration;
    private UnaryOperator<Iteration> methodWrapper = UnaryOperator.identity();

    /** @param config the run's configuration */
    public Trainer(TrainConfig config) {
        this.config = config;
    }

    /**
     * @param file where the state is written after every epoch (atomically)
     * @param resumeFromIt continue from this file's state when it exists
     * @return this
     */
    public Trainer withCheckpoint(Path file, boolean resumeFromIt) {
        this.checkpoint = file;
        this.resume = resumeFromIt;
        return this;
    }

    /**
     * @param theta V's starting parameters, instead of a fresh initialisation
     * @return this
     */
    public Trainer withInitialWeightNet(Parameters theta) {
        return withInitialWeightNet(theta, "parameters given to the trainer");
    }

    /**
     * @param theta V's starting parameters (from {@link WeightNetFile}), instead of a fresh initialisation; with
     *     {@link TrainConfig#freezeV}, the V that weights the samples throughout
     * @param source where they came from, recorded in the metrics ({@link WeightNetFile#origin})
     * @return this
     */
    public Trainer withInitialWeightNet(Parameters theta, String source) {
        if (!config.method().learnsV()) {
            throw new IllegalArgumentException("an initial V needs a method that learns V ("
                    + Method.listed(Method::learnsV) + "), not " + config.method());
        }
        this.initialTheta = theta;
        this.initialVSource = source;
        return this;
    }

    /**
     * Trains a network of the caller's instead of the configuration's model, e.g. one read from a Deeplearning4j
     * configuration ({@code org.mwnet.dl4j.Dl4jNetworks}); the metrics' provenance then names it.
     *
     * @param net the classifier: its input shape must be the data's sample shape, its classes the data's
     * @return this
     */
    public Trainer withNetwork(Network net) {
        return withNetwork(net, null);
    }

    /**
     * Trains a network of the caller's from given parameters (e.g. a DL4J network's weights), as
     * {@link #withNetwork(Network)}; a resumed checkpoint's parameters take precedence.
     *
     * @param net the classifier
     * @param start its starting parameters and BatchNorm buffers, or null for a fresh initialisation
     * @return this
     */
    public Trainer withNetwork(Network net, Parameters start) {
        this.network = net;
        this.initialClassifier = start;
        return this;
    }

    /**
     * Trains a Deeplearning4j network, as {@link #withNetwork(Network, Parameters)}; its configuration is recorded in
     * the checkpoint, so that a resume checks it and evaluation and prediction rebuild the network.
     *
     * @param model the network read from a DL4J configuration or model zip
     * @param start its starting parameters (a model zip's weights), or null for a fresh initialisation
     * @return this
     */
    public Trainer withNetwork(Dl4jNetwork model, Parameters start) {
        this.dl4jConfiguration = model.configuration().toJson();
        return withNetwork(model.network(), start);
    }

    /** @param l progress observer @return this */
    public Trainer withListener(TrainingListener l) {
        this.listener = l;
        return this;
    }

    /**
     * @param factory creates the method's iteration in place of {@link Methods#create}, e.g. one that computes the
     *     micro-batches on data-parallel workers; it must compute what {@link Methods} describes
     * @return this
     */
    public Trainer withMethods(MethodFactory factory) {
        this.methods = factory;
        return this;
    }

    /**
     * A seam for tests: wraps the method's iteration, e.g. to corrupt the state as a diverging step would.
     *
     * @param wrapper applied once to the method the configuration creates
     * @return this
     */
    Trainer withMethodWrapper(UnaryOperator<Iteration> wrapper) {
        this.methodWrapper = wrapper;
        return this;
    }

    /**
     * Runs (or, with a checkpoint to resume, finishes) training.
     *
     * @param splits meta, validation and (noisy) training sets
     * @param test the test set, used only for reporting; an empty one (e.g. {@code splits.train().subset(new int[0])})
     *     for none, and the test accuracies are then null
     * @param summary the data's summary, recorded in the metrics and (as {@link DataSettings}) in the checkpoint
     * @return the trained model and its metrics
     * @throws IOException when a checkpoint cannot be read or written
     * @throws IllegalArgumentException when the data have fewer than 2 classes, the method is finetune and the
     *     validation split is empty, or the
     *     checkpoint to resume belongs to another configuration, other data settings or other data
     * @throws TrainingDivergedException when a loss or the state becomes NaN or infinite
     */
    public TrainedModel train(Splits splits, Dataset test, DatasetSummary summary) throws IOException {
        if (splits.train().numClasses() < 2) {
            throw new IllegalArgumentException("the training set has " + splits.train().numClasses() + " class; a "
                    + "classifier needs at least 2 classes");
        }
        config.requireSelectionSplit(splits.validation().size());
        config.requireMetaSet(splits.meta().size());
        if (config.freezeV() && initialTheta == null) {
            throw new IllegalArgumentException("a frozen V weights the samples with an imported V; give it with "
                    + "withInitialWeightNet");
        }
        boolean hasValidation = splits.validation().size() > 0;
        DataSettings data = DataSettings.of(summary);
        // it reads every image, so only a run that writes or reads a checkpoint computes it, once
        DataFingerprint fingerprint = checkpoint == null ? null : DataFingerprint.of(splits, test);
        Checkpoint.Saved resumed = null;
        if (resume && checkpoint != null && checkpoint.toFile().isFile()) {
            resumed = Checkpoint.read(checkpoint);
            resumed.requireResumableBy(config, data, fingerprint, dl4jConfiguration);
        }
        listener.onStart();
        TrainingRun run = new TrainingRun(config, network, initialClassifier, splits, test, initialTheta, resumed,
                (c, net, vnet, dt) -> methodWrapper.apply(methods.create(c, net, vnet, dt)));
        TrainingState state = run.state;
        List<TrainingListener> observers = new ArrayList<>(List.of(new DivergenceCheck(config, state)));
        if (checkpoint != null) {
            observers.add(new CheckpointWriter(checkpoint, config, data, fingerprint, dl4jConfiguration,
                    run.vnet.families(), state));
        }
        observers.add(listener);
        TrainingListener all = new Listeners(observers);
        for (int epoch = state.nextEpoch; epoch < config.totalEpochs(); epoch++) {
            EpochMetrics m = run.epoch(epoch, all);
            state.history.add(m);
            state.nextEpoch = epoch + 1;
            all.onEpochEnd(m);
        }
        Dataset train = splits.train();
        Predictions onTrain = run.evaluator.predict(state.classifier, train);
        WeightDiagnostics weights = state.theta == null ? null
                : WeightDiagnostics.of(new WeightFunction(run.vnet, config.dataType()), state.theta, onTrain, train);
        return new TrainedModel(run.net, state.classifier, run.vnet, state.theta,
                metrics(state.history, hasValidation, summary, weights), onTrain);
    }

    private Map<String, String> provenance() {
        Map<String, String> p = versions();
        if (network != null) {
            p.put("network", network.name());
        }
        return p;
    }

    private RunMetrics metrics(List<EpochMetrics> history, boolean hasValidation, DatasetSummary summary,
                               WeightDiagnostics weights) {
        EpochMetrics last = history.get(history.size() - 1);
        double iterMs = history.stream().mapToDouble(EpochMetrics::msPerIter).average().orElse(Double.NaN);
        if (last.selectionAcc() == null) {
            return new RunMetrics(last.testAcc(), null, iterMs, null, "none", config, summary, history, weights,
                    initialVSource, provenance());
        }
        EpochMetrics best = history.get(0);
        for (EpochMetrics e : history) {
            if (e.selectionAcc() > best.selectionAcc()) {
                best = e;
            }
        }
        return new RunMetrics(last.testAcc(), best.testAcc(), iterMs, best.epoch(),
                hasValidation ? "validation" : "meta", config, summary, history, weights, initialVSource, provenance());
    }

    private static Map<String, String> versions() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mwnet", Trainer.class.getPackage().getImplementationVersion() == null ? "dev"
                : Trainer.class.getPackage().getImplementationVersion());
        p.put("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("finished", java.time.Instant.now().toString());
        return p;
    }
}
