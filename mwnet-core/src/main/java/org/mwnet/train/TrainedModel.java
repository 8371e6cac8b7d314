package org.mwnet.train;

import org.mwnet.eval.RunMetrics;
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
 */
public record TrainedModel(Network network, Parameters classifier, WeightNet vnet, Parameters theta,
                           RunMetrics metrics) {
}
