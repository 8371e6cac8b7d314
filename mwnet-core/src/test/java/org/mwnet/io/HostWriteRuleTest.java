package org.mwnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule: every write of heap values into an existing ND4J array's host memory goes through
 * {@link HostArrays}, the one place that is correct on CUDA. It scans the main sources of every module (mwnet-core,
 * and mwnet-cuda and mwnet-examples beside it, which depend on it) for the calls that
 * write a host buffer directly: NIO views of the buffer, {@code setData}, element puts on the buffer,
 * {@code putScalar}, and tagging the host copy by hand.
 */
class HostWriteRuleTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** The other modules' main sources, seen from mwnet-core's directory. */
    private static final List<Path> OTHER_MODULES = List.of(Path.of("../mwnet-cuda/src/main/java"),
            Path.of("../mwnet-examples/src/main/java"));
    private static final Path HELPER = Path.of("org/mwnet/io/HostArrays.java");
    /** Calls that write host memory without telling the CUDA allocator. */
    private static final Pattern RAW_WRITE = Pattern.compile(
            "\\basNio\\w*\\s*\\(|\\bsetData\\s*\\(|\\bdata\\(\\)\\s*\\.\\s*put\\w*\\s*\\(|\\bputScalar\\s*\\("
                    + "|\\btagLocation\\s*\\(");

    @Test
    void noCodeOutsideHostArraysWritesHostMemoryDirectly() throws IOException {
        assertThat(MAIN.resolve(HELPER)).as("run from mwnet-core's directory").isRegularFile();
        List<String> offenders = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(MAIN));
        roots.addAll(OTHER_MODULES);
        for (Path root : roots) {
            assertThat(root).as("module sources beside mwnet-core").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!f.equals(MAIN.resolve(HELPER))) {
                        offenders.addAll(rawWrites(f, Files.readAllLines(f)));
                    }
                }
            }
        }
        assertThat(offenders).as("write heap values into arrays with HostArrays.write").isEmpty();
    }

    @Test
    void theRuleRecognisesEachRawWrite() {
        List<String> raw = List.of(
                "out.data().asNioFloat().put(staging, 0, n);",
                "buf.asNioDouble().put(v);",
                "param.data().setData(w);",
                "a.data().put(3, 1.0f);",
                "out.putScalar(k, label, 1.0);",
                "Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);");
        assertThat(rawWrites(Path.of("Example.java"), raw)).hasSize(raw.size());
        List<String> fine = List.of(
                "HostArrays.write(out, staging, n);",
                "INDArray a = Nd4j.createFromArray(v).reshape(2, 3);",
                "values.put(name, a);",
                "dest.assign(src);");
        assertThat(rawWrites(Path.of("Example.java"), fine)).isEmpty();
    }

    private static List<String> rawWrites(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RAW_WRITE.matcher(lines.get(i));
            if (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }
}
