package org.mwnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command-line tool in a separate JVM on the CPU backend, so a test can kill it or lock against it. */
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // what the launcher exports for --backend cpu (org.mwnet.backend.BackendChoice)
        pb.environment().put("BACKEND_PRIORITY_CPU", "200");
        pb.environment().put("BACKEND_PRIORITY_GPU", "-100");
        pb.environment().put("MWNET_BACKEND_CHOSEN", "cpu");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        return pb.start();
    }
}
