package org.mwnet.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a standalone master ({@code spark://host:port}, or {@code spark://h1:p1,h2:p2} for standby masters)
 * listens before Spark starts. Spark itself retries a master that does not answer 3 times 20 s (its standalone
 * client's fixed registration timeout) and then leaves a stopped context behind rather than failing to start; a
 * connection attempt bounded by {@link #TIMEOUT_MS} per address says it in one line instead.
 */
final class StandaloneMasters {
    /** How long one address may take to accept a connection. */
    static final int TIMEOUT_MS = 5000;
    private static final String SCHEME = "spark://";

    private StandaloneMasters() {
    }

    /**
     * @param master a master URL; only {@code spark://} URLs are checked (Spark judges the others, and a malformed
     *               address)
     * @throws IllegalArgumentException when no address of a {@code spark://} URL accepts a connection
     */
    static void requireListening(String master) {
        if (!master.startsWith(SCHEME)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String address : master.substring(SCHEME.length()).split(",")) {
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                return;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address.substring(0, colon), port), TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(address + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ")");
            }
        }
        throw new IllegalArgumentException("no Spark master listens at " + String.join(", ", failures)
                + ": start one (spark-class org.apache.spark.deploy.master.Master) or correct the URL");
    }
}
