package org.mwnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress bars are drawn only when the launcher says standard error is a terminal, so logs of stderr stay clean. */
class ProgressListenerTest {
    @Test
    void theBarIsDrawnOnlyWhenTheLauncherSaysStandardErrorIsATerminal() {
        assertThat(ProgressListener.barOnStderr(Map.of(ProgressListener.STDERR_TTY, "1"))).isTrue();
        assertThat(ProgressListener.barOnStderr(Map.of(ProgressListener.STDERR_TTY, "0")))
                .as("stdout a terminal, stderr redirected").isFalse();
        assertThat(ProgressListener.barOnStderr(Map.of())).as("without the launcher (a library user, a test)").isFalse();
    }
}
