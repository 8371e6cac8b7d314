package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads tested against the JDK's HTTP server on loopback, serving small IDX fixtures. */
class DataLocatorTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring(exchange.getRequestURI().getPath().lastIndexOf('/') + 1);
            byte[] body = served.get(name);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    /** Writes the four fixture files, puts them on the server and returns their MD5s. */
    private Map<String, String> serveFixture() throws Exception {
        Path fixture = tmp.resolve("fixture");
        TestData.writeIdxDataset(fixture, 20, 8, 10, 3);
        Map<String, String> md5 = new HashMap<>();
        for (String f : IdxSource.FILES) {
            byte[] b = Files.readAllBytes(fixture.resolve(f));
            served.put(f, b);
            md5.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b)));
        }
        return md5;
    }

    private DataLocator locator(Path explicit, Path cache) {
        return new DataLocator(explicit, null, cache, new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @Test
    void downloadsIntoCacheVerifiesAndReusesIt() throws Exception {
        Map<String, String> md5 = serveFixture();
        IdxSource src = IdxSource.FASHION_MNIST.withMirrors(List.of(base()), md5);
        src = new IdxSource(src.name(), 10, src.normalization(), null, src.mirrors(), src.md5());
        Path cache = tmp.resolve("cache");
        Path dir = locator(null, cache).locateIdx(src);
        assertThat(dir).isEqualTo(cache.resolve("fashion-mnist"));
        TrainTest data = IdxFiles.load(dir, src);
        assertThat(data.train().size()).isEqualTo(20);
        assertThat(data.test().size()).isEqualTo(8);
        int before = requests.get();
        locator(null, cache).locateIdx(src);
        assertThat(requests.get()).as("second lookup uses the cache").isEqualTo(before);
    }

    @Test
    void corruptedDownloadIsRejectedAndLeavesNoFile() throws Exception {
        Map<String, String> md5 = serveFixture();
        byte[] bad = served.get(IdxSource.TRAIN_IMAGES).clone();
        bad[bad.length / 2] ^= 0x5A;
        served.put(IdxSource.TRAIN_IMAGES, bad);
        IdxSource src = new IdxSource("fashion-mnist", 10, IdxSource.FASHION_MNIST.normalization(), null,
                List.of(base()), md5);
        Path cache = tmp.resolve("cache");
        assertThatThrownBy(() -> locator(null, cache).locateIdx(src))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(IdxSource.TRAIN_IMAGES)
                .hasMessageContaining("--data-dir");
        try (var files = Files.list(cache.resolve("fashion-mnist"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("train-images"));
        }
    }

    @Test
    void unreachableMirrorNamesTheDebianPackage() {
        IdxSource src = IdxSource.FASHION_MNIST.withMirrors(List.of(base().resolve("missing/")), Map.of(
                IdxSource.TRAIN_IMAGES, "0", IdxSource.TRAIN_LABELS, "0", IdxSource.TEST_IMAGES, "0",
                IdxSource.TEST_LABELS, "0"));
        IdxSource noSystem = new IdxSource(src.name(), 10, src.normalization(), tmp.resolve("nowhere"),
                src.mirrors(), src.md5());
        assertThatThrownBy(() -> locator(null, tmp.resolve("c")).locateIdx(noSystem))
                .hasMessageContaining("HTTP 404").hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void explicitDirectoryWinsAndNeedsNoNetwork() throws Exception {
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine.resolve("fashion-mnist"), 5, 5, 10, 1);
        IdxSource src = IdxSource.FASHION_MNIST.withMirrors(List.of(base()), Map.of());
        assertThat(locator(mine, tmp.resolve("cache")).locateIdx(src)).isEqualTo(mine.resolve("fashion-mnist"));
        assertThat(requests.get()).isZero();
    }

    /** Fashion-MNIST with a system directory that holds a complete copy, as Debian's package would. */
    private IdxSource withSystemCopy() throws IOException {
        Path system = tmp.resolve("system");
        TestData.writeIdxDataset(system, 6, 6, 10, 2);
        IdxSource f = IdxSource.FASHION_MNIST;
        return new IdxSource(f.name(), 10, f.normalization(), system, List.of(base()), Map.of());
    }

    @Test
    void anExplicitDirectoryMissingOneFileIsRefusedNotSwappedForTheSystemCopy() throws Exception {
        IdxSource src = withSystemCopy();
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine, 5, 5, 10, 1);
        Files.delete(mine.resolve(IdxSource.TEST_LABELS));
        assertThatThrownBy(() -> locator(mine, tmp.resolve("cache")).locateIdx(src))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessage("data directory " + mine + " does not hold fashion-mnist: it is incomplete: in " + mine
                        + ", t10k-labels-idx1-ubyte.gz is missing (gzipped or unpacked) (looked in it and in "
                        + mine.resolve("fashion-mnist") + "; no other copy is used when a data directory is given).");
        assertThat(requests.get()).isZero();
    }

    @Test
    void anExplicitDirectoryWithADirectoryInPlaceOfAFileIsRefused() throws Exception {
        IdxSource src = withSystemCopy();
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine.resolve("fashion-mnist"), 5, 5, 10, 1);
        Files.delete(mine.resolve("fashion-mnist").resolve(IdxSource.TRAIN_LABELS));
        Files.createDirectory(mine.resolve("fashion-mnist").resolve(IdxSource.TRAIN_LABELS));
        assertThatThrownBy(() -> locator(mine, tmp.resolve("cache")).locateIdx(src))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("in " + mine.resolve("fashion-mnist") + ", train-labels-idx1-ubyte.gz is a "
                        + "directory, not a file (looked in it");
    }

    @Test
    void anExplicitDirectoryWithoutTheDatasetIsRefused() throws Exception {
        IdxSource src = withSystemCopy();
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        assertThatThrownBy(() -> locator(mine, tmp.resolve("cache")).locateIdx(src))
                .hasMessageContaining("does not hold fashion-mnist: it holds none of its files [");
        assertThatThrownBy(() -> locator(tmp.resolve("absent"), tmp.resolve("cache")).locateIdx(src))
                .hasMessage("data directory " + tmp.resolve("absent") + " is not a directory.");
        assertThat(requests.get()).isZero();
    }

    @Test
    void anUnpackedCopyInTheExplicitDirectoryIsUsed() throws Exception {
        Path mine = tmp.resolve("mine");
        TestData.writeIdxDataset(mine, 5, 5, 10, 1);
        Path gz = mine.resolve(IdxSource.TRAIN_IMAGES);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.write(mine.resolve("train-images-idx3-ubyte"), in.readAllBytes());
        }
        Files.delete(gz);
        assertThat(locator(mine, tmp.resolve("cache")).locateIdx(withSystemCopy())).isEqualTo(mine);
        assertThat(IdxFiles.load(mine, IdxSource.FASHION_MNIST).train().size()).isEqualTo(5);
    }

    @Test
    void anEnvironmentDirectoryHoldingPartOfTheDatasetIsRefusedAndAnEmptyOneSkipped() throws Exception {
        IdxSource src = withSystemCopy();
        Path env = tmp.resolve("env");
        TestData.writeIdxDataset(env, 5, 5, 10, 1);
        Files.delete(env.resolve(IdxSource.TRAIN_IMAGES));
        DataLocator partial = new DataLocator(null, env, tmp.resolve("cache"), new Downloader());
        assertThatThrownBy(() -> partial.locateIdx(src)).isInstanceOf(DataUnavailableException.class)
                .hasMessage(env + " (from $MWNET_DATA) holds only part of fashion-mnist: train-images-idx3-ubyte.gz "
                        + "is missing (gzipped or unpacked); complete it or point $MWNET_DATA elsewhere");
        DataLocator elsewhere = new DataLocator(null, Files.createDirectories(tmp.resolve("other")),
                tmp.resolve("cache"), new Downloader());
        assertThat(elsewhere.locateIdx(src)).isEqualTo(src.systemDir());
    }

    @Test
    void anEnvironmentVariableNamingNoDirectoryIsRefusedNotSkipped() {
        Path missing = tmp.resolve("typo");
        DataLocator locator = new DataLocator(null, missing, tmp.resolve("cache"), new Downloader());
        assertThatThrownBy(() -> locator.locateIdx(withSystemCopy())).isInstanceOf(DataUnavailableException.class)
                .hasMessage("$MWNET_DATA names " + missing + ", which is not a directory; point it at the directory "
                        + "holding the datasets, or unset it");
    }

    @Test
    void anExplicitDirectoryMissingACifarFileIsRefusedWithHowToGetIt() throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("cifar10/b"));
        Files.write(mine.resolve("cifar10/b/one.bin"), new byte[] {1});
        Path cache = Files.createDirectories(tmp.resolve("cache/cifar10/b"));
        Files.write(cache.resolve("one.bin"), new byte[] {1});
        Files.write(cache.resolve("two.bin"), new byte[] {1});
        assertThat(locator(null, tmp.resolve("cache")).locateFiles("cifar10", List.of("b/one.bin", "b/two.bin"),
                "Get it.")).isEqualTo(tmp.resolve("cache/cifar10"));
        assertThatThrownBy(() -> locator(mine, tmp.resolve("cache")).locateFiles("cifar10",
                List.of("b/one.bin", "b/two.bin"), "Get it."))
                .hasMessage("data directory " + mine + " does not hold cifar10: it is incomplete: in "
                        + mine.resolve("cifar10") + ", b/two.bin is missing (looked in it and in "
                        + mine.resolve("cifar10") + "; no other copy is used when a data directory is given). Get it.");
    }
}
