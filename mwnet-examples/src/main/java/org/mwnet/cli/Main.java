package org.mwnet.cli;

import java.io.PrintWriter;
import org.mwnet.backend.NativeSettings;
import picocli.CommandLine;

/** Entry point of the {@code mwnet} command-line tool (run through the {@code ./mwnet} launcher). */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        NativeSettings.apply();
        System.exit(run(args));
    }

    /**
     * Runs one command without exiting the JVM (used by tests).
     *
     * @param args command-line arguments
     * @return the exit code: 0 success, 2 bad input the user can fix, 1 an internal failure
     */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // past the memory budget's estimate (Methods): say so in one line rather than with a stack trace
            System.err.println(OneLineErrors.outOfMemory(cl, e));
            return OneLineErrors.FAILURE;
        } catch (Error e) {
            // picocli hands only Exceptions to OneLineErrors; a native library that fails to load ends here
            return OneLineErrors.report(e, "mwnet: internal error: ", new PrintWriter(System.err, true));
        }
    }

    /** @return the configured picocli command line with one-line error reporting */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MwnetCommand());
        for (CommandLine sub : cl.getSubcommands().values()) {
            // every sub-command's --version prints the tool's version
            sub.getCommandSpec().version(cl.getCommandSpec().version());
        }
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::onBadParameter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
