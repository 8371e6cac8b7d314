package org.mwnet.cli;

/** What {@code train} and {@code predict} do with an image file they cannot decode ({@code --bad-images}). */
enum BadImages {
    /** Leave it out and name it in a warning with the count of such files. */
    SKIP,
    /** Stop with one line naming it; nothing is written. */
    STOP;

    /** @return whether unreadable images are left out rather than stopping the command */
    boolean skips() {
        return this == SKIP;
    }
}
