package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The training and meta streams of a run with micro-batches ({@link Shards}, {@link Batches.Cycle}): fixed shards,
 * draws that depend only on (seed, epoch or draw number, part), and, with one part, exactly the streams that mwnet
 * drew before micro-batches existed.
 */
class BatchStreamsTest {
    private static final long SEED = 7;

    @Test
    void sampleIBelongsToShardIModPAndAnEpochFillsEveryShardsIterations() {
        Shards shards = new Shards(103, 4);
        assertThat(shards.smallest()).isEqualTo(25);
        assertThat(shards.iterationsPerEpoch(5)).isEqualTo(5);
        assertThat(shards.iterationsPerEpoch(6)).as("floor(25 / 6)").isEqualTo(4);
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < 4; p++) {
            int[][] batches = shards.epoch(p, 5, SEED, 0);
            assertThat(batches).hasNumberOfRows(5);
            for (int[] micro : batches) {
                assertThat(micro).hasSize(5);
                int shard = p;
                assertThat(Arrays.stream(micro).allMatch(i -> i % 4 == shard)).as("shard %d", p).isTrue();
                Arrays.stream(micro).forEach(i -> assertThat(seen.add(i)).as("drawn once per epoch: %d", i).isTrue());
            }
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void aMicroBatchDependsOnlyOnSeedEpochAndShard() {
        int[][] first = new Shards(1000, 2).epoch(1, 50, SEED, 3);
        // another object, after other draws, asked in another order: the same indices, as a retried task must get
        Shards other = new Shards(1000, 2);
        other.epoch(0, 50, SEED, 4);
        other.epoch(1, 50, SEED, 2);
        assertThat(other.epoch(1, 50, SEED, 3)).isEqualTo(first);
        assertThat(other.epoch(1, 50, SEED, 4)).as("another epoch").isNotEqualTo(first);
        assertThat(other.epoch(1, 50, SEED + 1, 3)).as("another seed").isNotEqualTo(first);
        // the two shards are permuted by independent streams, not by one permutation of their local positions
        int[][] shard0 = other.epoch(0, 50, SEED, 3);
        long samePosition = IntStream.range(0, 50).filter(k -> shard0[0][k] / 2 == first[0][k] / 2).count();
        assertThat(samePosition).isLessThan(10);
    }

    @Test
    void oneShardDrawsTheBatchesMwnetDrewBeforeMicroBatches() {
        // printed by Batches.epoch of mwnet 961a6d1, before micro-batches existed
        assertThat(Batches.epoch(10, 3, SEED, 0)).isEqualTo(new int[][] {{4, 5, 1}, {0, 7, 6}, {3, 2, 9}});
        assertThat(new Shards(10, 1).epoch(0, 3, SEED, 1)).isEqualTo(new int[][] {{9, 7, 8}, {3, 2, 6}, {1, 5, 4}});
    }

    @Test
    void oneMetaStreamDrawsTheMetaBatchesMwnetDrewBeforeMicroBatches() {
        // printed by Batches.Cycle of mwnet 961a6d1: each batch, then the position a checkpoint recorded after it
        int[][] expected = {{3, 5, 4, 0}, {7, 2, 1, 8}, {4, 8, 6, 7}, {1, 9, 5, 0}, {1, 7, 6, 5}};
        long[][] positions = {{0, 4}, {0, 8}, {1, 4}, {1, 8}, {2, 4}};
        Batches.Cycle cycle = new Batches.Cycle(10, 4, SEED, 0, 1);
        for (int k = 0; k < expected.length; k++) {
            assertThat(cycle.next()).as("draw %d", k).isEqualTo(expected[k]);
            assertThat(new long[] {cycle.pass(), cycle.cursor()}).as("position after draw %d", k)
                    .isEqualTo(positions[k]);
        }
    }

    @Test
    void aMetaBatchDependsOnlyOnSeedDrawAndStream() {
        Batches.Cycle stream1 = new Batches.Cycle(250, 30, SEED, 1, 2);
        int[][] drawn = IntStream.range(0, 20).mapToObj(k -> stream1.next()).toArray(int[][]::new);
        Batches.Cycle fresh = new Batches.Cycle(250, 30, SEED, 1, 2);
        for (int k = 19; k >= 0; k--) {
            assertThat(fresh.at(k)).as("draw %d, asked out of order", k).isEqualTo(drawn[k]);
        }
        Batches.Cycle resumed = new Batches.Cycle(250, 30, SEED, 1, 2);
        Batches.Cycle afterSeven = new Batches.Cycle(250, 30, SEED, 1, 2);
        for (int k = 0; k < 7; k++) {
            afterSeven.next();
        }
        resumed.restore(afterSeven.pass(), afterSeven.cursor());
        assertThat(resumed.next()).as("continues from a saved position").isEqualTo(drawn[7]);
        Batches.Cycle stream0 = new Batches.Cycle(250, 30, SEED, 0, 2);
        assertThat(stream0.at(0)).as("the other micro-batch's stream").isNotEqualTo(drawn[0]);
        assertThat(new Batches.Cycle(250, 30, SEED, 0, 1).at(0)).as("a run without micro-batches")
                .isNotEqualTo(stream0.at(0));
    }

    @Test
    void shardsTooSmallForAMicroBatchAreRefused() {
        assertThatThrownBy(() -> new Shards(10, 0)).hasMessage("the number of shards must be at least 1, got 0");
        assertThatThrownBy(() -> new Shards(103, 4).iterationsPerEpoch(26))
                .hasMessage("training micro-batch size 26 must be between 1 and the smallest training shard's size 25 "
                        + "(103 samples in 4 shards)");
        assertThatThrownBy(() -> new Shards(3, 4).epoch(0, 1, SEED, 0))
                .hasMessageContaining("the smallest training shard's size 0");
        assertThatThrownBy(() -> new Shards(10, 1).iterationsPerEpoch(11))
                .hasMessage("training batch size 11 must be between 1 and the training set's size 10");
    }
}
