package org.mwnet.natives;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Makes the test run load the natives' build that the library chooses, before any test touches ND4J. */
public final class ChooseNativesFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CpuNatives.choose();
    }
}
