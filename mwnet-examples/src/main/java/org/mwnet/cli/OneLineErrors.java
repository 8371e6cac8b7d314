package org.mwnet.cli;

import java.io.IOException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error ({@code mwnet: what was wrong}) and an exit code;
 * the stack trace is printed only when {@code MWNET_DEBUG} is set.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    /** Exit code for bad input: a flag, file or value the user can fix. */
    static final int BAD_INPUT = 2;
    /** Exit code for any other failure. */
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (System.getenv("MWNET_DEBUG") != null) {
            e.printStackTrace();
        }
        boolean userFixable = e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof org.mwnet.train.TrainingDivergedException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cl.getErr().println("mwnet " + cl.getCommandName() + ": " + message.replace('\n', ' ')
                + (userFixable ? "" : " (" + e.getClass().getSimpleName() + "; set MWNET_DEBUG=1 for details)"));
        return userFixable ? BAD_INPUT : FAILURE;
    }

    static int onBadParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("mwnet " + cl.getCommandName() + ": " + e.getMessage().replace('\n', ' ')
                + " (see: ./mwnet " + (cl.getParent() == null ? "" : cl.getCommandName() + " ") + "--help)");
        return BAD_INPUT;
    }
}
