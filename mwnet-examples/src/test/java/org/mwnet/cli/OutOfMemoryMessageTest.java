package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The out-of-memory line advises a smaller --batch only for the commands that have one. */
class OutOfMemoryMessageTest {
    private static String lineAfter(String... args) {
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args);
        return OneLineErrors.outOfMemory(cl, new OutOfMemoryError("Java heap space"));
    }

    @Test
    void theAdviceDependsOnTheCommand() {
        assertThat(lineAfter("train", "--batch", "100")).isEqualTo("mwnet train: out of memory (Java heap space); use a "
                + "smaller --batch, or give the JVM more with JAVA_OPTS=-Xmx...");
        assertThat(lineAfter("bench")).startsWith("mwnet bench: out of memory (Java heap space); use a smaller --batch");
        String heap = "out of memory (Java heap space); the input needs more memory than the JVM's -Xmx "
                + "(set JAVA_OPTS=-Xmx...)";
        assertThat(lineAfter("eval", "checkpoint.zip")).isEqualTo("mwnet eval: " + heap);
        assertThat(lineAfter("data", "--dataset", "cifar100")).isEqualTo("mwnet data: " + heap);
        assertThat(lineAfter("demo")).as("demo has no --batch").isEqualTo("mwnet demo: " + heap);
    }
}
