package org.mwnet.run;

/**
 * A folder {@link RunDirectory#open} refuses. The message names the folder and says what is wrong with it; the
 * {@link #reason} tells a caller which ways on to offer (the command line names them by its flags).
 */
public final class RunDirectoryException extends IllegalArgumentException {
    /** Why the folder is refused. */
    public enum Reason {
        /** It exists and is not a directory. */
        NOT_A_DIRECTORY,
        /** A run to resume, and the folder holds no checkpoint. */
        NO_CHECKPOINT,
        /** Another run holds its lock. */
        IN_USE,
        /** A fresh run, and the folder holds a run it could continue (a checkpoint). */
        HOLDS_RUN,
        /** A fresh run, and the folder holds a run's files but no checkpoint. */
        HOLDS_RUN_FILES,
        /** A fresh run, and the folder holds files no run writes. */
        HOLDS_OTHER_FILES
    }

    private final Reason reason;

    /**
     * @param reason why the folder is refused
     * @param message what is wrong, naming the folder
     */
    RunDirectoryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the folder is refused */
    public Reason reason() {
        return reason;
    }
}
