package org.mwnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command-line tool in-process and captures what it prints. */
final class CliRunner {
    /** What one invocation produced. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
