package org.mwnet.train;

import org.mwnet.meta.WeightNet;
import org.mwnet.nn.Network;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Creates the {@link Iteration} a {@link Trainer} iterates with: {@link Methods#create} computes every micro-batch in
 * this process; a data-parallel runner computes them on its workers.
 */
@FunctionalInterface
public interface MethodFactory {
    /**
     * @param config the run's configuration
     * @param net the classifier
     * @param vnet the weighting network
     * @param dataType FLOAT or DOUBLE
     * @return the method
     */
    Iteration create(TrainConfig config, Network net, WeightNet vnet, DataType dataType);
}
