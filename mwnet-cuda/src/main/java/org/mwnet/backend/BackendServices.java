package org.mwnet.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * The class loader ND4J finds its backends through while {@link Backends#use} loads it: the application's own, except
 * for ND4J's backend registrations ({@code META-INF/services/org.nd4j.linalg.factory.Nd4jBackend}).
 * <ul>
 * <li>It can hide the CUDA backend's registration. ND4J 1.0.0-M2.1 takes the available backend of highest priority,
 * CUDA by default, and reads the priorities from the environment only, which Java cannot change; a backend ND4J does
 * not find is the one way left, from inside the JVM, to keep it on the CPU.</li>
 * <li>It notes whether ND4J looked its backends up. ND4J does so exactly once, when it loads; if it did not while
 * this loader was in place, it had loaded before.</li>
 * </ul>
 * Every class still comes from the parent, so ND4J's classes are the application's.
 */
final class BackendServices extends ClassLoader {
    /** The resource listing ND4J's backends, read by {@link java.util.ServiceLoader}. */
    static final String REGISTRATIONS = "META-INF/services/" + Nd4jBackend.class.getName();

    private final boolean hideCuda;
    private volatile boolean lookedUp;

    /**
     * @param parent the class loader ND4J used so far
     * @param hideCuda whether ND4J is to see no CUDA backend
     */
    BackendServices(ClassLoader parent, boolean hideCuda) {
        super(parent);
        this.hideCuda = hideCuda;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!name.equals(REGISTRATIONS)) {
            return all;
        }
        lookedUp = true;
        if (!hideCuda) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        for (URL registration : Collections.list(all)) {
            if (!registersCuda(registration)) {
                kept.add(registration);
            }
        }
        return Collections.enumeration(kept);
    }

    /** @return whether ND4J looked its backends up (so loaded) since this loader was made */
    boolean backendsLookedUp() {
        return lookedUp;
    }

    private static boolean registersCuda(URL registration) {
        try (InputStream in = registration.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim()).anyMatch(BackendChoice.CUDA_BACKEND_CLASS::equals);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ND4J's backend registration " + registration, e);
        }
    }
}
