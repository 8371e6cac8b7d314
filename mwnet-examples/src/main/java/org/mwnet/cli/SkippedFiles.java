package org.mwnet.cli;

import java.util.List;

/** How {@code train} and {@code predict} name the files of an image folder they left out, in their warnings. */
final class SkippedFiles {
    /** Files named before "...". */
    private static final int NAMED = 5;

    private SkippedFiles() {
    }

    /**
     * @param ids the ids of files that are not images, at least one
     * @param where what they were in, e.g. " of --train data/train", or "" when the command reads one folder
     * @return e.g. "skipped 2 files that are not images (README.md, cats/notes.txt)"
     */
    static String notImages(List<String> ids, String where) {
        boolean one = ids.size() == 1;
        return "skipped " + ids.size() + (one ? " file" : " files") + where
                + (one ? " that is not an image (" : " that are not images (") + named(ids) + ")";
    }

    /**
     * @param ids file ids, at least one
     * @return the first few, joined by commas, with "..." after them when there are more
     */
    static String named(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(NAMED, ids.size()))) + (ids.size() > NAMED ? ", ..." : "");
    }
}
