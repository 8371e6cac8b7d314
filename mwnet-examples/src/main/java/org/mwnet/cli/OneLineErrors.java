package org.mwnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.mwnet.train.TrainingDivergedException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error ({@code mwnet <command>: what was wrong}) and an exit code;
 * the stack trace is printed only when {@code MWNET_DEBUG} is set.
 *
 * <p>Exit codes: {@value #BAD_INPUT} for what the user can fix (a flag, a file, a folder, a full disk, a run that
 * diverged), {@value #FAILURE} for anything else (a defect or an internal error).
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    /** Exit code for bad input: a flag, file or value the user can fix. */
    static final int BAD_INPUT = 2;
    /** Exit code for any other failure. */
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(e, prefix(cl), cl.getErr());
    }

    /**
     * Prints one line about a failure (and its stack trace when {@code MWNET_DEBUG} is set).
     *
     * @param e the failure
     * @param prefix what the line starts with, e.g. {@code "mwnet train: "}
     * @param err where the line goes
     * @return the exit code: {@link #BAD_INPUT} or {@link #FAILURE}
     */
    static int report(Throwable e, String prefix, PrintWriter err) {
        if (System.getenv("MWNET_DEBUG") != null) {
            e.printStackTrace();
        }
        boolean userFixable = e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof TrainingDivergedException;
        err.println(prefix + describe(e) + (userFixable ? "" : " (" + e.getClass().getSimpleName()
                + "; set MWNET_DEBUG=1 for details)"));
        err.flush();
        return userFixable ? BAD_INPUT : FAILURE;
    }

    /**
     * @param cl the command line that ran out of memory, after parsing its arguments
     * @param e the error
     * @return the one line to print: a smaller batch where the command has {@code --batch}, otherwise more heap
     */
    static String outOfMemory(CommandLine cl, OutOfMemoryError e) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        CommandLine.Model.CommandSpec spec = parsed == null || parsed.subcommand() == null ? null
                : parsed.subcommand().commandSpec();
        String command = spec == null ? null : spec.name();
        // the commands whose memory grows with a --batch flag (demo has none)
        String advice = spec != null && spec.findOption("--batch") != null
                ? "use a smaller --batch, or give the JVM more with JAVA_OPTS=-Xmx..."
                : "the input needs more memory than the JVM's -Xmx (set JAVA_OPTS=-Xmx...)";
        return (command == null ? "mwnet: " : "mwnet " + command + ": ") + "out of memory (" + e.getMessage() + "); "
                + advice;
    }

    static int onBadParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(prefix(cl) + e.getMessage().replace('\n', ' ')
                + " (see: ./mwnet " + (cl.getParent() == null ? "" : cl.getCommandName() + " ") + "--help)");
        return BAD_INPUT;
    }

    /** @return {@code "mwnet: "} for the top-level command, {@code "mwnet train: "} for a sub-command */
    static String prefix(CommandLine cl) {
        return cl.getParent() == null ? "mwnet: " : "mwnet " + cl.getCommandName() + ": ";
    }

    /**
     * @param e a failure
     * @return its message on one line; the file-system exceptions whose message is a bare path say what happened
     */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException f && f.getReason() == null) {
            if (e instanceof AccessDeniedException) {
                message = "permission denied: " + message;
            } else if (e instanceof NoSuchFileException) {
                message = "no such file or directory: " + message;
            } else {
                message = message + " (" + e.getClass().getSimpleName() + ")";
            }
        }
        return message.replace('\n', ' ');
    }
}
