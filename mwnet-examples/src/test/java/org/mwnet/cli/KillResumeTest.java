package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.data.AtomicFiles;
import org.mwnet.train.ArrayArchive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training run killed with SIGKILL (during checkpoint writes and at random moments) and resumed each time ends
 * with the same classifier and optimiser state, bit for bit, as the same run left alone. Where the kills land depends
 * on timing; the outcome must not. While the run lives, its folder is locked against a second run.
 */
class KillResumeTest {
    private static final int KILLS = 3;

    @TempDir
    Path tmp;

    @Test
    void killedAndResumedRunEqualsAnUninterruptedOneBitForBit() throws Exception {
        Path data = CliRunner.smallData(tmp);
        Path reference = tmp.resolve("reference");
        Process whole = ChildJvm.start(tmp.resolve("reference.log"), args(data, reference, false));

        Path out = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        SplittableRandom random = new SplittableRandom(7);
        int kills = 0;
        int duringWrite = 0;
        List<String> attempts = new ArrayList<>();
        while (true) {
            boolean resume = Files.isRegularFile(out.resolve(RunDirectory.CHECKPOINT));
            Process child = ChildJvm.start(log, args(data, out, resume));
            attempts.add(resume ? "resume" : "fresh");
            if (kills < KILLS) {
                // even kills: the moment a checkpoint write's temporary file appears; odd: a random moment after
                // this attempt's first checkpoint (in an epoch, an evaluation or the next write)
                boolean atWrite = kills % 2 == 0 ? waitForTemporaryFile(child, out)
                        : waitForCheckpointThenSleep(child, out, random);
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor();
                    kills++;
                    duringWrite += atWrite ? 1 : 0;
                    continue;
                }
            }
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            if (child.exitValue() == 0) {
                break;
            }
            assertThat(child.exitValue()).as("attempts " + attempts + "\n" + Files.readString(log)).isZero();
        }
        assertThat(kills).as("the run was killed " + KILLS + " times").isEqualTo(KILLS);
        assertThat(whole.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(tmp.resolve("reference.log"))).isZero();
        // in the test report: where the kills landed
        System.out.println("KillResumeTest: " + kills + " kills, " + duringWrite + " during a checkpoint write; attempts "
                + attempts);
        Map<String, INDArray> expected = arrays(reference);
        Map<String, INDArray> actual = arrays(out);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            assertThat(bits(actual.get(name))).as(name + " after " + kills + " kills (" + duringWrite
                    + " while a checkpoint was written), attempts " + attempts).isEqualTo(bits(expected.get(name)));
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.filter(AtomicFiles::isTemporary)).as("temporary files of killed writes").isEmpty();
        }
    }

    private static String[] args(Path data, Path out, boolean resume) {
        // ce keeps the test fast (no meta graph to build in each new JVM); TrainerTest resumes mwnet in-process
        List<String> a = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--method", "ce", "--noise",
                "uniform", "--noise-rate", "0.4", "--meta-size", "100", "--hidden", "128", "--epochs", "3", "--batch",
                "50", "--out", out.toString()));
        if (resume) {
            a.add("--resume");
        }
        return a.toArray(String[]::new);
    }

    /** @return true when a temporary file appeared while the child ran (it is then killed in the middle of a write) */
    private static boolean waitForTemporaryFile(Process child, Path out) throws Exception {
        while (child.isAlive()) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> files = Files.list(out)) {
                    if (files.anyMatch(AtomicFiles::isTemporary)) {
                        return true;
                    }
                } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
                    // the folder changed while it was listed; look again
                }
            }
            child.waitFor(1, TimeUnit.MILLISECONDS); // a checkpoint's write lasts tens of milliseconds
        }
        return false;
    }

    private static boolean waitForCheckpointThenSleep(Process child, Path out, SplittableRandom random)
            throws Exception {
        Path checkpoint = out.resolve(RunDirectory.CHECKPOINT);
        long before = Files.isRegularFile(checkpoint) ? Files.getLastModifiedTime(checkpoint).toMillis() : -1;
        while (child.isAlive() && (!Files.isRegularFile(checkpoint)
                || Files.getLastModifiedTime(checkpoint).toMillis() == before)) {
            child.waitFor(5, TimeUnit.MILLISECONDS);
        }
        assertLockedWhileAlive(child, out);
        child.waitFor(random.nextLong(0, 1000), TimeUnit.MILLISECONDS);
        return false;
    }

    /** A second run into the folder of a live run (in another JVM) is refused. */
    private static void assertLockedWhileAlive(Process child, Path out) throws Exception {
        try (RunDirectory second = RunDirectory.open(out, RunDirectory.Mode.RESUME)) {
            assertThat(child.isAlive()).as("the folder of a live run opened again").isFalse();
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("in use by another mwnet run");
        }
    }

    private static Map<String, INDArray> arrays(Path run) throws Exception {
        return ArrayArchive.read(run.resolve(RunDirectory.CHECKPOINT), "checkpoint").arrays();
    }

    private static int[] bits(INDArray a) {
        float[] values = a.dup().data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
