package org.mwnet.spark;

import java.io.Serializable;
import java.util.stream.IntStream;
import org.mwnet.data.Dataset;
import org.mwnet.data.Shards;
import org.mwnet.meta.ClassFamilies;

/**
 * What worker p holds: shard p of the training set (sample i of the whole set is in shard {@code i mod P}, as
 * {@link Shards} defines) and a copy of the meta set.
 *
 * @param index p, from 0
 * @param count P
 * @param train the shard's samples, in index order: sample {@code p + k P} of the whole set is its sample k
 * @param meta the whole meta set
 * @param families the class families of a class-aware V, from the whole training set's labels (null for a plain V)
 */
record Shard(int index, int count, Dataset train, Dataset meta, ClassFamilies families) implements Serializable {
    /**
     * @param train the whole training set
     * @param index p
     * @param count P
     * @return the training samples of shard p of P, in index order
     */
    static Dataset cut(Dataset train, int index, int count) {
        return train.subset(IntStream.iterate(index, i -> i < train.size(), i -> i + count).toArray());
    }

    /**
     * @param indices samples of this shard by their index in the whole training set
     * @return their positions in {@link #train}
     */
    int[] local(int[] indices) {
        int[] local = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] % count != index) {
                throw new IllegalStateException("sample " + indices[k] + " is not in shard " + index + " of " + count);
            }
            local[k] = indices[k] / count;
        }
        return local;
    }
}
