package org.mwnet.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is a front door and the reference lives in the modules' {@code docs/} pages: every relative Markdown link
 * in the README, in those pages and in the notebooks' Markdown cells names a file of the repository, and every
 * {@code #anchor} a heading of the page it points into (by GitHub's slugs). No link leaves the repository.
 */
class DocLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}, the text allowing one level of brackets. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final int README_MAX_LINES = 260;

    /** A link as written: the file it is in, where, and its target. */
    record Link(Path file, String where, String target) {
        @Override
        public String toString() {
            return file + " (" + where + "): " + target;
        }
    }

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingOfTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> problems = problems(root, pages(root));
        assertThat(problems).as("broken links").isEmpty();
    }

    @Test
    void theNotebooksLinksWorkToo() throws IOException {
        Path root = repositoryRoot();
        List<Link> links = new ArrayList<>();
        try (Stream<Path> notebooks = Files.list(root.resolve("mwnet-examples/notebooks"))) {
            for (Path nb : notebooks.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                links.addAll(notebookLinks(nb));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Link link : links) {
            check(root, link, problems);
        }
        assertThat(problems).as("broken links in notebooks").isEmpty();
    }

    @Test
    void noLinkLeavesTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> outside = new ArrayList<>();
        for (Path page : pages(root)) {
            for (Link link : links(page, Files.readAllLines(page))) {
                if (leavesTheRepository(root, link)) {
                    outside.add(link.toString());
                }
            }
        }
        assertThat(outside).as("links out of the repository").isEmpty();
    }

    @Test
    void theReadmeIsAShortFrontDoorThatLinksEveryDocsPage() throws IOException {
        Path root = repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        assertThat(readme.size()).as("README.md lines").isLessThanOrEqualTo(README_MAX_LINES);
        assertThat(readme.subList(0, 6)).as("the README starts with the two commands").containsExactly(
                "# mwnet", "", "```bash",
                "./mwnet demo        # the main job: ce against Meta-Weight-Net on noisy Fashion-MNIST (about 4-6 minutes)",
                "mvn -B verify       # the whole test suite", "```");

        Set<Path> linkedFromReadme = new LinkedHashSet<>();
        for (Link link : links(root.resolve("README.md"), readme)) {
            if (!SCHEME.matcher(link.target()).find()) {
                linkedFromReadme.add(resolve(root, link).normalize());
            }
        }
        List<Path> docs = pages(root).stream().filter(p -> !p.equals(root.resolve("README.md"))).toList();
        assertThat(docs).as("docs pages").isNotEmpty();
        for (Path page : docs) {
            assertThat(linkedFromReadme).as("README links " + root.relativize(page)).contains(page.normalize());
            boolean linksBack = links(page, Files.readAllLines(page)).stream()
                    .filter(l -> !SCHEME.matcher(l.target()).find())
                    .anyMatch(l -> resolve(root, l).normalize().equals(root.resolve("README.md")));
            assertThat(linksBack).as(root.relativize(page) + " links back to the README").isTrue();
        }
    }

    @Test
    void aBrokenLinkFailsTheCheck(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve("mwnet-core/docs"));
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "# mwnet", "## The method, and how `mwnet` computes it", "[ok](mwnet-core/docs/page.md#a-b_c)",
                "[ok](#the-method-and-how-mwnet-computes-it) [web](https://example.org/x) [mail](mailto:a@b.c)",
                "```bash", "[ignored in code](nowhere.md)", "# not a heading", "```",
                "[missing file](mwnet-core/docs/none.md)", "[missing anchor](mwnet-core/docs/page.md#nothing)",
                "[own anchor missing](#not-a-heading)", "[outside](../shared/reference/torch_mwnet_step.py)",
                "[absolute](/etc/passwd)", "[file scheme](file:///etc/passwd)"));
        Files.writeString(root.resolve("mwnet-core/docs/page.md"),
                "# Page\n\n[back](../../README.md)\n\n## A (b_c)\n");
        Files.writeString(root.resolve("mwnet-core/pom.xml"), "<project/>");

        List<String> problems = problems(root, pages(root));

        assertThat(problems).hasSize(6);
        assertThat(String.join("\n", problems))
                .contains("mwnet-core/docs/none.md: no such file")
                .contains("#nothing: no such heading in mwnet-core/docs/page.md")
                .contains("#not-a-heading: no such heading in README.md")
                .contains("../shared/reference/torch_mwnet_step.py: leaves the repository")
                .contains("/etc/passwd: leaves the repository")
                .contains("file:///etc/passwd: leaves the repository")
                .doesNotContain("nowhere.md");
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(slug("Which labels are wrong: `mwnet suspects`")).isEqualTo("which-labels-are-wrong-mwnet-suspects");
        assertThat(slug("Training on Apache Spark (data parallelism)"))
                .isEqualTo("training-on-apache-spark-data-parallelism");
        assertThat(slug("Parameter averaging (`--sync-every K`)")).isEqualTo("parameter-averaging---sync-every-k");
        assertThat(slug("Ranking quality against cleanlab's baseline"))
                .isEqualTo("ranking-quality-against-cleanlabs-baseline");
        assertThat(slug("When does it pay?")).isEqualTo("when-does-it-pay");
        assertThat(slug("Accuracy with P = 2")).isEqualTo("accuracy-with-p--2");
        assertThat(slug("In programs and notebooks: `Backends.use`")).isEqualTo("in-programs-and-notebooks-backendsuse");
        assertThat(slug("keep_underscores, drop dots.")).isEqualTo("keep_underscores-drop-dots");
        assertThat(slug("A [linked](other.md) heading")).isEqualTo("a-linked-heading");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The directory holding README.md and the modules; surefire runs in a module's directory. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("mwnet-core"))) {
                return d.normalize();
            }
        }
        throw new IllegalStateException("no repository root (README.md beside mwnet-core) above " + dir);
    }

    /** README.md and every Markdown file under a module's docs/ folder. */
    static List<Path> pages(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).sorted().toList()) {
                Path docs = module.resolve("docs");
                if (Files.isDirectory(docs)) {
                    try (Stream<Path> files = Files.walk(docs)) {
                        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
                    }
                }
            }
        }
        return pages;
    }

    static List<String> problems(Path root, List<Path> pages) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            for (Link link : links(page, Files.readAllLines(page))) {
                check(root, link, problems);
            }
        }
        return problems;
    }

    /** The links of Markdown text outside fenced code blocks, each with its line number. */
    static List<Link> links(Path file, List<String> lines) {
        List<Link> links = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                links.add(new Link(file, "line " + (i + 1), m.group(2)));
            }
        }
        return links;
    }

    /** The links of a notebook's Markdown cells. */
    static List<Link> notebookLinks(Path notebook) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(notebook.toFile());
        List<Link> links = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : nb.path("cells")) {
            index++;
            if (!"markdown".equals(cell.path("cell_type").asText())) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            JsonNode source = cell.path("source");
            if (source.isArray()) {
                source.forEach(s -> text.append(s.asText()));
            } else {
                text.append(source.asText());
            }
            for (Link link : links(notebook, text.toString().lines().toList())) {
                links.add(new Link(notebook, "cell " + index + ", " + link.where(), link.target()));
            }
        }
        return links;
    }

    static void check(Path root, Link link, List<String> problems) {
        String target = link.target();
        Matcher scheme = SCHEME.matcher(target);
        if (scheme.find()) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https") && !s.equals("mailto")) {
                problems.add(link + ": leaves the repository");
            }
            return;
        }
        if (leavesTheRepository(root, link)) {
            problems.add(link + ": leaves the repository");
            return;
        }
        Path file = resolve(root, link).normalize();
        if (!Files.exists(file)) {
            problems.add(link + ": no such file " + root.relativize(file));
            return;
        }
        int hash = target.indexOf('#');
        if (hash >= 0) {
            String anchor = target.substring(hash + 1);
            if (!Files.isRegularFile(file) || !file.toString().endsWith(".md")) {
                problems.add(link + ": an anchor into " + root.relativize(file) + ", which is not a Markdown page");
                return;
            }
            Set<String> anchors;
            try {
                anchors = anchors(Files.readAllLines(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!anchors.contains(anchor)) {
                problems.add(link + ": #" + anchor + ": no such heading in " + root.relativize(file));
            }
        }
    }

    static boolean leavesTheRepository(Path root, Link link) {
        String target = link.target();
        Matcher scheme = SCHEME.matcher(target);
        if (scheme.find()) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            return !s.equals("http") && !s.equals("https") && !s.equals("mailto");
        }
        if (target.startsWith("/") || target.startsWith("\\")) {
            return true;
        }
        return !resolve(root, link).normalize().startsWith(root);
    }

    /** The file a relative link names: its path part, decoded, against the linking file's folder. */
    static Path resolve(Path root, Link link) {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash >= 0 ? target.substring(0, hash) : target;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty()) {
            return link.file();
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return link.file().getParent().resolve(path);
    }

    /** The anchors GitHub gives a page's headings (outside code blocks), repeats numbered -1, -2, ... */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String slug = slug(m.group(2));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /**
     * GitHub's slug of a heading: the rendered text (a link becomes its text), lower case, every character but
     * letters, digits, spaces, '-' and '_' removed, spaces turned into '-'.
     */
    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }
}
