package org.mwnet.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.mwnet.data.DatasetSummary;
import org.mwnet.eval.SampleReport;
import org.mwnet.eval.WeightsCsv;
import org.mwnet.io.AtomicFiles;
import org.mwnet.io.FileTrees;
import org.mwnet.io.Json;
import org.mwnet.plots.RunPlots;
import org.mwnet.train.RunMetrics;
import org.mwnet.train.TrainedModel;
import org.mwnet.train.WeightNetFile;
import org.mwnet.train.WeightReport;

/**
 * A run's output folder: {@code metrics.json}, {@code curves.png}, {@code checkpoint.zip} (every epoch),
 * {@code weights.csv} (every training sample's loss and prediction, and for mwnet V's weight; read by
 * {@code mwnet suspects}, which adds {@code suspects.png}), and for mwnet {@code weight-function.png} and
 * {@code vnet.zip} (the trained V alone, which a later run can start from); for a run on the user's files
 * {@code inputs.json} (where those files are).
 *
 * <p>An open run directory holds an exclusive lock on its {@code .lock} file, so two runs never write into one
 * folder at once. A fresh run refuses a folder that holds anything but that lock file and the temporary files of
 * interrupted writes; {@link Mode#OVERWRITE} replaces a previous run's files when the new run has ended (below) and
 * keeps every other file; a resumed run needs the folder's checkpoint. A folder refused is a
 * {@link RunDirectoryException}, which says what the folder holds and leaves the ways on to the caller.
 *
 * <p><b>Overwriting.</b> A run that replaces another writes its checkpoints and files into the hidden folder
 * {@value #STAGING} inside the run directory, and only {@link #write}, at its end, moves them into place (each file by
 * an atomic rename) and removes the previous run's files that it does not replace. Until then the previous run is
 * whole: a new run that fails, diverges or is killed leaves it as it was, and loses its own progress; its staging
 * folder goes when the directory is next opened (or at once, for a run that failed). A refused run removes the lock file again when it created it. Closing releases the
 * lock and keeps the (empty) lock file of a run that ran, since deleting a lock file another run may have just opened
 * would let two runs lock different files; it removes the folder again when this run created it and left nothing in
 * it (a run that failed early).
 */
public final class RunDirectory implements AutoCloseable {
    /** The checkpoint, written every epoch. */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** Every training sample's loss and prediction, and for mwnet V's weight. */
    public static final String WEIGHTS = "weights.csv";
    /** The images of the samples {@code mwnet suspects} lists. */
    public static final String SUSPECTS_PNG = "suspects.png";
    /** The file an open run directory holds locked. */
    public static final String LOCK = ".lock";
    /** The trained network as a Deeplearning4j model zip, for runs of a DL4J network. */
    public static final String DL4J_MODEL = "model-dl4j.zip";
    /** The other file names inside the folder. */
    static final String METRICS = "metrics.json";
    static final String VNET = "vnet.zip";
    static final String CURVES = "curves.png";
    static final String WEIGHT_FUNCTION = "weight-function.png";
    static final String INPUTS = "inputs.json";
    /** Where a run that overwrites another writes until it ends; a temporary name ({@link AtomicFiles#isTemporary}). */
    static final String STAGING = ".overwrite.part";
    /** Everything a run writes, which {@link Mode#OVERWRITE} removes before it starts. */
    private static final List<String> RUN_FILES = List.of(METRICS, CHECKPOINT, VNET, CURVES, WEIGHT_FUNCTION,
            WEIGHTS, INPUTS, SUSPECTS_PNG, DL4J_MODEL);

    /** How a run treats what its folder already holds. */
    public enum Mode {
        /** Start a new run; the folder must be missing or empty. */
        FRESH,
        /** Continue the folder's checkpoint. */
        RESUME,
        /** Start a new run, replacing a previous run's files. */
        OVERWRITE
    }

    private final Path dir;
    /** The outermost folder this run created ({@code dir} or one of its parents), or null. */
    private final Path createdRoot;
    private final FileChannel lockChannel;
    /** Where this run writes: {@code dir}, or its staging folder when it overwrites another run. */
    private Path output;

    private RunDirectory(Path dir, Path createdRoot, FileChannel lockChannel) {
        this.dir = dir;
        this.createdRoot = createdRoot;
        this.lockChannel = lockChannel;
        this.output = dir;
    }

    /**
     * Opens (and if needed creates) a run directory, locked for this run.
     *
     * @param dir the folder
     * @param mode what to do with what it already holds
     * @return the open directory; close it when the run ends
     * @throws RunDirectoryException when the folder cannot be used this way (the message names the folder)
     * @throws IOException when the folder cannot be created or locked
     */
    public static RunDirectory open(Path dir, Mode mode) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunDirectoryException(RunDirectoryException.Reason.NOT_A_DIRECTORY,
                    dir + " exists and is not a directory");
        }
        if (mode == Mode.RESUME && !Files.isRegularFile(dir.resolve(CHECKPOINT))) {
            throw new RunDirectoryException(RunDirectoryException.Reason.NO_CHECKPOINT,
                    "no checkpoint at " + dir.resolve(CHECKPOINT));
        }
        Path createdRoot = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            createdRoot = p;
        }
        Files.createDirectories(dir);
        boolean lockCreated = !Files.exists(dir.resolve(LOCK));
        RunDirectory run = new RunDirectory(dir, createdRoot, FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE));
        try {
            run.lock();
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        try {
            run.prepare(mode);
            return run;
        } catch (IOException | RuntimeException e) {
            if (lockCreated) {
                // refused before it wrote anything: leave the folder as it was (delete while still holding the lock)
                Files.deleteIfExists(dir.resolve(LOCK));
            }
            run.close();
            throw e;
        }
    }

    /**
     * Refuses a checkpoint argument that is a folder, such as a run directory, naming the checkpoint file in it.
     *
     * @param checkpoint the argument
     * @throws IllegalArgumentException when it is a folder
     */
    public static void requireCheckpointFile(Path checkpoint) {
        if (Files.isDirectory(checkpoint)) {
            Path inside = checkpoint.resolve(CHECKPOINT);
            throw new IllegalArgumentException(checkpoint + ": is a directory, not a checkpoint file; "
                    + (Files.isRegularFile(inside) ? "expected " + inside + ", which is there"
                    : "expected a run's " + CHECKPOINT + ", and there is no " + inside));
        }
    }

    private void lock() throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (a run started in-process, as tests do)
        }
        if (lock == null) {
            throw new RunDirectoryException(RunDirectoryException.Reason.IN_USE, dir
                    + " is in use by another mwnet run (it holds " + dir.resolve(LOCK) + ")");
        }
    }

    private void prepare(Mode mode) throws IOException {
        if (mode == Mode.FRESH && !leftovers(false).isEmpty()) {
            throw refusal(leftovers(false));
        }
        for (Path temporary : leftovers(true)) {
            FileTrees.delete(temporary);
        }
        if (mode == Mode.OVERWRITE) {
            output = Files.createDirectory(dir.resolve(STAGING));
        }
    }

    /**
     * @param entries what the folder holds (not empty)
     * @return why a fresh run refuses the folder: a run it could continue, a run's files without a checkpoint, or
     *     other files
     */
    private RunDirectoryException refusal(List<Path> entries) {
        List<String> names = entries.stream().map(p -> p.getFileName().toString()).toList();
        String shown = names.stream().limit(3).reduce((a, b) -> a + ", " + b).orElseThrow()
                + (names.size() > 3 ? ", ..." : "");
        if (names.contains(CHECKPOINT)) {
            return new RunDirectoryException(RunDirectoryException.Reason.HOLDS_RUN,
                    dir + " already holds a run (" + shown + ")");
        }
        if (names.stream().anyMatch(RUN_FILES::contains)) {
            return new RunDirectoryException(RunDirectoryException.Reason.HOLDS_RUN_FILES,
                    dir + " already holds a run's files but no checkpoint to continue (" + shown + ")");
        }
        return new RunDirectoryException(RunDirectoryException.Reason.HOLDS_OTHER_FILES,
                dir + " holds other files (" + shown + ")");
    }

    /**
     * @param temporary true for the temporary files of interrupted writes, false for every other entry
     * @return the folder's entries of that kind, except the lock file, sorted by name
     */
    private List<Path> leftovers(boolean temporary) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().equals(LOCK))
                    .filter(p -> AtomicFiles.isTemporary(p) == temporary).sorted().toList();
        }
    }

    /** @return where the run's checkpoint is written every epoch (in the staging folder, when it overwrites a run) */
    public Path checkpoint() {
        return output.resolve(CHECKPOINT);
    }

    /**
     * Writes everything a finished run leaves; a run that overwrites another then replaces the other's files.
     *
     * @param model the trained model
     * @param data what it was trained on (the training split, its ids and whether its true labels are known, for
     *     weights.csv; the user's files, for inputs.json)
     * @param name the run's label for chart titles
     * @throws IOException when a file cannot be written
     */
    public void write(TrainedModel model, RunData data, String name) throws IOException {
        write(model, data, name, null);
    }

    /**
     * Writes everything a finished run leaves, as {@link #write(TrainedModel, RunData, String)}, and the trained
     * network as a DL4J model zip ({@value #DL4J_MODEL}).
     *
     * @param model the trained model
     * @param data what it was trained on
     * @param name the run's label for chart titles
     * @param dl4jModel writes the DL4J model zip, or null for a run that writes none
     * @throws IOException when a file cannot be written
     */
    public void write(TrainedModel model, RunData data, String name, AtomicFiles.Writer dl4jModel)
            throws IOException {
        if (dl4jModel != null) {
            AtomicFiles.write(output.resolve(DL4J_MODEL), dl4jModel);
        }
        RunMetrics m = model.metrics();
        AtomicFiles.write(output.resolve(METRICS), out -> Json.MAPPER.writeValue(out, m));
        RunPlots.writePng(output.resolve(CURVES), RunPlots.accuracy(m), RunPlots.loss(m));
        if (model.theta() != null) {
            WeightNetFile.write(output.resolve(VNET), model.vnet(), model.theta(), trainedBy(m));
            RunPlots.writePng(output.resolve(WEIGHT_FUNCTION), RunPlots.weightFunction(m.weights(), name
                    + (m.config().freezeV() ? ": imported weighting function V(loss), held fixed"
                    : ": learned weighting function V(loss)")));
        }
        List<SampleReport> report = WeightReport.of(model, data.splits().train(), data.trainIds(), data.cleanKnown());
        AtomicFiles.write(output.resolve(WEIGHTS), out -> WeightsCsv.write(report, out));
        if (data.inputs() != null) {
            data.inputs().write(output.resolve(INPUTS));
        }
        if (!output.equals(dir)) {
            replacePreviousRun();
        }
    }

    /**
     * @return the run that trained V, in words, for its export: method, data, seed and this directory, and the V it
     *     started from; a frozen V keeps the words of the run that trained it
     */
    private String trainedBy(RunMetrics m) {
        if (m.config().freezeV()) {
            return "imported and held fixed by the run in " + dir.toAbsolutePath().normalize() + "; it came from "
                    + m.initialV();
        }
        DatasetSummary d = m.dataset();
        String noise = d.noiseRate() > 0 ? ", " + d.noise() + " noise " + d.noiseRate() : "";
        String tail = d.imbalance() > 1 ? ", imbalance " + d.imbalance() : "";
        return m.config().method() + " (" + m.config().model() + ") on " + d.dataset() + noise + tail + ", seed "
                + d.seed() + ", in " + dir.toAbsolutePath().normalize()
                + (m.initialV() == null ? "" : ", starting from " + m.initialV());
    }

    /** Moves the staging folder's files into place and removes the previous run's files that they do not replace. */
    private void replacePreviousRun() throws IOException {
        for (String name : RUN_FILES) {
            Path staged = output.resolve(name);
            if (Files.exists(staged)) {
                AtomicFiles.moveIntoPlace(staged, dir.resolve(name));
            } else {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
        FileTrees.delete(output);
        output = dir;
    }

    /**
     * Releases the lock, after removing the staging folder of a run that was to overwrite another and did not end;
     * when this run created the folder and left nothing in it, removes it and the parents it created, as far as they
     * are empty.
     *
     * @throws IOException when the folder cannot be listed or removed
     */
    @Override
    public void close() throws IOException {
        try {
            if (!output.equals(dir)) {
                FileTrees.delete(output); // a run that overwrote another and did not end: the other stays whole
            }
            if (createdRoot != null && leftovers(false).isEmpty() && leftovers(true).isEmpty()) {
                // delete while still holding the lock, so no other run can start in the folder meanwhile
                Files.deleteIfExists(dir.resolve(LOCK));
                Path p = dir.toAbsolutePath();
                try {
                    for (; p.startsWith(createdRoot); p = p.getParent()) {
                        Files.deleteIfExists(p);
                    }
                } catch (DirectoryNotEmptyException e) {
                    // another run writes into a parent this run created: leave it
                }
            }
        } finally {
            lockChannel.close();
        }
    }
}
