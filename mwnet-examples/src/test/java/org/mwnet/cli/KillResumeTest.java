package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwnet.io.AtomicFiles;
import org.mwnet.run.RunDirectory;
import org.mwnet.train.ArrayArchive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training run killed with SIGKILL (during checkpoint writes and at random moments) and resumed each time ends
 * with the same classifier and optimiser state, bit for bit, as the same run left alone. Where the kills land depends
 * on timing; the outcome must not. While the run holds its folder, a second run into it is refused: checked at each
 * kill, with the run stopped (SIGSTOP) so that it cannot let go of the folder meanwhile.
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
        int refusals = 0;
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
                if (stop(child)) {
                    refusals += refusedWhileLocked(child, out) ? 1 : 0;
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
        assertThat(refusals).as("second runs refused while a killed run held its folder, of " + KILLS + " kills")
                .isPositive();
        assertThat(whole.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(tmp.resolve("reference.log"))).isZero();
        // in the test report: where the kills landed
        System.out.println("KillResumeTest: " + kills + " kills, " + duringWrite + " during a checkpoint write, "
                + refusals + " with a second run refused; attempts " + attempts);
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
        child.waitFor(random.nextLong(0, 1000), TimeUnit.MILLISECONDS);
        return false;
    }

    /**
     * Stops the child with SIGSTOP and waits (at most 10 s) until all its threads have stopped: then it runs no code,
     * so it neither ends nor lets go of its files and locks until it is killed. Linux: reads {@code /proc}.
     *
     * @return whether the child is stopped; false when it ended first
     */
    private static boolean stop(Process child) throws Exception {
        new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).inheritIO().start().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (child.isAlive()) {
            if (allThreadsStopped(child.pid())) {
                return true;
            }
            assertThat(System.nanoTime()).as("the child stopped within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
        return false;
    }

    /** @return whether every thread of the process is stopped (or has ended) */
    private static boolean allThreadsStopped(long pid) throws IOException {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.allMatch(thread -> {
                try {
                    // the state follows the command name in parentheses: "tid (name) S ..."
                    String stat = Files.readString(thread.resolve("stat"));
                    return "TtZX".indexOf(stat.charAt(stat.lastIndexOf(')') + 2)) >= 0;
                } catch (IOException e) {
                    return true; // the thread ended
                }
            });
        } catch (NoSuchFileException e) {
            return true; // the process ended
        }
    }

    /**
     * When the stopped child holds the lock of its run directory, checks that a second run into the folder is
     * refused, even one that would overwrite it (and that needs no checkpoint there).
     *
     * @return whether it held the lock, so that the refusal was checked; false for a child stopped before it locked
     *     the folder or after it let go of it at the end of its run
     */
    private static boolean refusedWhileLocked(Process child, Path out) throws Exception {
        if (!holdsLock(child.pid(), out.resolve(RunDirectory.LOCK))) {
            return false;
        }
        assertThatThrownBy(() -> RunDirectory.open(out, RunDirectory.Mode.OVERWRITE).close())
                .as("a second run into the folder of a run that holds it").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in use by another mwnet run");
        return true;
    }

    /**
     * @return whether the process holds a lock on the file, as the kernel reports it: one of its open file
     *     descriptors is the file, and its {@code /proc/PID/fdinfo} lists a lock
     */
    private static boolean holdsLock(long pid, Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Path real = file.toRealPath();
        Path process = Path.of("/proc", Long.toString(pid));
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            for (Path fd : descriptors.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real) && Files.readAllLines(process.resolve("fdinfo")
                            .resolve(fd.getFileName())).stream().anyMatch(line -> line.startsWith("lock:"))) {
                        return true;
                    }
                } catch (NoSuchFileException e) {
                    // closed while listed; a stopped process closes nothing, so it was not the lock file
                }
            }
        }
        return false;
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
