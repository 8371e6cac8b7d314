package org.mwnet.notebooks;

import java.util.ArrayList;
import java.util.List;

/** Receives what notebook cells pass to IJava's {@code display(...)} when the test runs them in JShell. */
public final class DisplaySink {
    private static final List<Object> SHOWN = new ArrayList<>();

    private DisplaySink() {
    }

    /** @param o what a cell displayed */
    public static synchronized void show(Object o) {
        SHOWN.add(o);
    }

    /** @return everything displayed since the last call, then forgets it */
    public static synchronized List<Object> drain() {
        List<Object> out = List.copyOf(SHOWN);
        SHOWN.clear();
        return out;
    }
}
