package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mwnet.testing.Unprivileged;

/**
 * Runs the command-line tool in a separate JVM on the CPU backend, so a test can kill it or lock against it, or run it
 * as a user whom file permissions stop.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param log file that receives the child's standard output and error
     * @param args the tool's arguments
     * @return the running child
     * @throws IOException when the JVM cannot be started
     */
    static Process start(Path log, String... args) throws IOException {
        return start(log, List.of(), Map.of(), args);
    }

    /**
     * @param log file that receives the child's standard output and error
     * @param jvmOptions more JVM options (system properties, {@code --add-opens})
     * @param env more environment variables
     * @param args the tool's arguments
     * @return the running child
     * @throws IOException when the JVM cannot be started
     */
    static Process start(Path log, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return processBuilder(List.of(java), System.getProperty("java.class.path"), jvmOptions, env, args)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * Runs the tool in a child JVM as uid 65534 ({@link Unprivileged}), whom file permissions stop, and waits for it.
     * Skips the calling test when no command to drop privileges is installed.
     *
     * @param args the tool's arguments
     * @return what the child printed, and its exit code
     * @throws IOException when the JVM cannot be started or its output read
     * @throws InterruptedException when interrupted while waiting
     */
    static CliRunner.Result runUnprivileged(String... args) throws IOException, InterruptedException {
        Unprivileged.Output child = Unprivileged.Output.of(processBuilder(Unprivileged.java(),
                Unprivileged.classPath(), List.of(), Map.of(), args));
        return new CliRunner.Result(List.of(args), child.exitCode(), child.out(), child.err());
    }

    /**
     * @param java the command that starts a JVM: {@code java}, after the command that drops privileges if any
     * @param classPath the child's class path
     * @return a builder of the child JVM that runs the tool with these options, environment and arguments
     */
    private static ProcessBuilder processBuilder(List<String> java, String classPath, List<String> jvmOptions,
            Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(java);
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // what the launcher exports for --backend cpu (org.mwnet.backend.BackendChoice)
        pb.environment().put("BACKEND_PRIORITY_CPU", "200");
        pb.environment().put("BACKEND_PRIORITY_GPU", "-100");
        pb.environment().put("MWNET_BACKEND_CHOSEN", "cpu");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        return pb;
    }
}
