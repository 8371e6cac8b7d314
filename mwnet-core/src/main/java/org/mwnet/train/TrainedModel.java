package org.mwnet.train;

import org.mwnet.eval.Predictions;
import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;

/**
 * What a {@link Trainer} produces: the classifier and its parameters, the learned V (for mwnet), and the run's
 * metrics, configuration and provenance.
 *
 * @param network the classifier's architecture
 * @param classifier its trained parameters and BatchNorm buffers
 * @param vnet the weighting network's shape
 * @param theta V's trained parameters, or null for methods without V
 * @param metrics what the run measured, with its configuration and provenance
 * @param trainPredictions the trained classifier's predictions on its training set (evaluation mode), from the one
 *     pass that gives both the metrics' weight diagnostics and {@link WeightReport}'s rows; null when not known
 */
public record TrainedModel(Network network, Parameters classifier, WeightNet vnet, Parameters theta,
                           RunMetrics metrics, Predictions trainPredictions) {
}
