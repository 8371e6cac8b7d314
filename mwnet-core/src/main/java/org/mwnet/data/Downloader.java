package org.mwnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.mwnet.io.AtomicFiles;

/**
 * Downloads files over HTTP(S) and verifies their MD5 checksum before they appear under their final name.
 * A failed or corrupted transfer leaves nothing behind.
 */
public final class Downloader {
    private final HttpClient client;
    private final Duration timeout;

    /** A downloader with a 30-second connect timeout and a 10-minute per-file timeout. */
    public Downloader() {
        this(Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /**
     * @param connectTimeout time allowed to connect
     * @param timeout time allowed for one whole file
     */
    public Downloader(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    /**
     * Fetches {@code fileName} from the first mirror that serves it with the right checksum.
     *
     * @param mirrors base URIs ending in '/'
     * @param fileName file to fetch
     * @param md5 expected MD5, lower-case hex
     * @param target where the verified file is placed
     * @throws IOException naming every mirror's failure when none succeeded
     */
    public void fetch(List<URI> mirrors, String fileName, String md5, Path target) throws IOException {
        StringBuilder failures = new StringBuilder();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(fileName);
            try {
                fetchOne(uri, md5, target);
                return;
            } catch (IOException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(uri).append(": ").append(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("download of " + uri + " interrupted", e);
            }
        }
        throw new IOException(failures.toString());
    }

    private void fetchOne(URI uri, String md5, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try {
                MessageDigest digest = md5Digest();
                try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(tmp)) {
                    in.transferTo(out);
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equalsIgnoreCase(md5)) {
                    throw new IOException("checksum mismatch: MD5 " + actual + ", expected " + md5);
                }
                AtomicFiles.moveIntoPlace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
