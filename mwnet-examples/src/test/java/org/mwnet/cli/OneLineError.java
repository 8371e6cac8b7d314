package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.AbstractStringAssert;

/**
 * The check every refusal of the tool shares: exit code 2 and, on standard error, exactly one line
 * {@code mwnet <command>: <message>}: no stack trace, nor its first line (an exception's qualified class name). A
 * command that had loaded ND4J before it failed reported the backend first; its test drops that line with
 * {@link CliRunner.Result#withoutBackendReport}.
 */
public final class OneLineError {
    /** A qualified class name of an exception or error, e.g. {@code java.io.EOFException}. */
    private static final String QUALIFIED_THROWABLE = "\\b([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)\\b";

    private OneLineError() {
    }

    /**
     * Checks the exit code and the one line, then hands over its message.
     *
     * @param r what the tool did
     * @param command the sub-command the line names, or "" for the tool itself (whose lines start {@code "mwnet: "})
     * @return an assertion on the message: the line after {@code "mwnet <command>: "}
     */
    public static AbstractStringAssert<?> assertOneLineError(CliRunner.Result r, String command) {
        String what = "mwnet " + String.join(" ", r.args()) + "\nstandard error:\n" + r.err();
        assertThat(r.exitCode()).as("exit code of " + what).isEqualTo(2);
        assertThat(r.err().lines()).as("lines of " + what).hasSize(1);
        assertThat(r.err()).as(what).endsWith(System.lineSeparator());
        String prefix = command.isEmpty() ? "mwnet: " : "mwnet " + command + ": ";
        String line = r.err().strip();
        assertThat(line).as(what).startsWith(prefix).doesNotContainPattern(QUALIFIED_THROWABLE);
        return assertThat(line.substring(prefix.length())).as(what);
    }

    /**
     * Checks the exit code and that the one line is {@code mwnet <command>: <message>}.
     *
     * @param r what the tool did
     * @param command the sub-command the line names, or "" for the tool itself
     * @param message the whole message after {@code "mwnet <command>: "}
     */
    public static void assertOneLineError(CliRunner.Result r, String command, String message) {
        assertOneLineError(r, command).isEqualTo(message);
    }
}
