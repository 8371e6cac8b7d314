package org.mwnet.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwnet.io.Json;

/**
 * Runs every code cell of every notebook, in order, through JShell (the engine IJava runs on) with the project's
 * classpath. IJava's {@code %jars} magic is translated to JShell's class-path addition, and {@code display} goes to
 * {@link DisplaySink}. Any compile error, exception or error output fails the notebook. The notebooks choose their
 * backend with {@code Backends.use("auto")}; in this JVM ND4J may already run (other tests loaded it), which that call
 * accepts as long as it is the backend it would choose. Notebook 01 must display its two plots, notebook 04 must rank
 * the training samples it corrupted ahead of the clean ones (a ROC AUC above 0.9), and notebook 05's DL4J evaluation
 * must print the run's final test accuracy. {@code -Dmwnet.notebooks=05} runs only the notebooks whose names start so.
 */
class NotebookTest {
    private static final Path DIR = Path.of("notebooks");

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(3);
            String only = System.getProperty("mwnet.notebooks", "");
            return all.stream().filter(p -> p.getFileName().toString().startsWith(only));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void everyCodeCellRunsCleanly(Path notebook) throws Exception {
        JsonNode nb = Json.MAPPER.readTree(notebook.toFile());
        assertThat(nb.at("/metadata/kernelspec/name").asText()).as("IJava kernelspec").isEqualTo("java");
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertThat(cell.get("outputs")).as("committed without outputs").isEmpty();
                assertThat(cell.get("execution_count").isNull()).as("committed without execution counts").isTrue();
                StringBuilder src = new StringBuilder();
                cell.get("source").forEach(line -> src.append(line.asText()));
                cells.add(src.toString());
            }
        }
        assertThat(cells.get(0)).as("first cell loads the jars").startsWith("%jars ");
        assertThat(cells.get(1)).as("the first code cell chooses the backend before anything uses ND4J")
                .contains("Backends.use(");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DisplaySink.drain();
        try (JShell shell = JShell.builder().executionEngine("local").out(new PrintStream(out, true))
                .err(new PrintStream(err, true)).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            run(shell, "void display(Object o) { " + DisplaySink.class.getName() + ".show(o); }", "display");
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (cell.startsWith("%jars")) {
                    translateJars(shell, cell);
                    continue;
                }
                runCell(shell, cell, notebook.getFileName() + " cell " + (i + 1));
                assertThat(err.toString()).as(notebook.getFileName() + " cell " + (i + 1) + " error output").isEmpty();
            }
            if (notebook.getFileName().toString().startsWith("01")) {
                assertThat(Double.parseDouble(value(shell, "w.auc()")))
                        .as("the text says V gives corrupted samples small weights: ROC AUC of clean against corrupted")
                        .isGreaterThan(0.9);
            }
            if (notebook.getFileName().toString().startsWith("05")) {
                assertThat(Double.parseDouble(value(shell, "dl4jAccuracy"))).as("DL4J's Evaluation of model-dl4j.zip")
                        .isCloseTo(Double.parseDouble(value(shell, "trained.metrics().finalTestAcc()")),
                                org.assertj.core.data.Offset.offset(1e-9));
            }
            if (notebook.getFileName().toString().startsWith("04")) {
                assertThat(Double.parseDouble(value(shell, "quality.auc()")))
                        .as("ROC AUC of the weight ranking: corrupted samples ahead of clean ones").isGreaterThan(0.9);
            }
        }
        List<Object> shown = DisplaySink.drain();
        if (notebook.getFileName().toString().startsWith("01")) {
            assertThat(shown).as("plots displayed inline").hasSize(2).allMatch(o -> o instanceof BufferedImage);
        }
        if (notebook.getFileName().toString().startsWith("04")) {
            assertThat(shown).as("suspects.png displayed inline").hasSize(1).allMatch(o -> o instanceof BufferedImage);
        }
    }

    /** {@code %jars PATTERN...}: adds each matching jar (relative to the notebook) to the class path. */
    private static void translateJars(JShell shell, String cell) throws IOException {
        for (String line : cell.split("\\R")) {
            for (String pattern : line.replaceFirst("^%jars\\s*", "").trim().split("\\s+")) {
                Path p = DIR.resolve(pattern).normalize();
                assertThat(p.toString()).as("jars come from the documented location").startsWith("target");
                Path parent = p.getParent();
                if (Files.isDirectory(parent)) {
                    var matcher = parent.getFileSystem().getPathMatcher("glob:" + p);
                    try (Stream<Path> s = Files.list(parent)) {
                        s.filter(matcher::matches).forEach(j -> shell.addToClasspath(j.toString()));
                    }
                }
            }
        }
    }

    private static void runCell(JShell shell, String cell, String where) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                fail(where + ": incomplete code: " + rest);
            }
            run(shell, info.source(), where);
            rest = info.remaining();
        }
    }

    /** @return the value of an expression in the notebook's shell, as JShell shows it */
    private static String value(JShell shell, String expression) {
        return shell.eval(expression).get(0).value();
    }

    private static void run(JShell shell, String source, String where) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                StringBuilder why = new StringBuilder();
                shell.diagnostics(e.snippet()).forEach(d -> why.append(d.getMessage(null)).append("; "));
                fail(where + ": does not compile: " + why + "\n" + source);
            }
            if (e.exception() != null) {
                fail(where + ": threw " + e.exception() + "\n" + source);
            }
        }
    }
}
