package org.mwnet.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mwnet.data.DataFormatException;
import org.mwnet.io.AtomicFiles;
import org.mwnet.io.Json;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A zip file holding a JSON header and named ND4J arrays, written atomically. Checkpoints and exported V-nets use it.
 *
 * @param kind what the file is ("checkpoint", "vnet"), checked when reading
 * @param header the JSON header
 * @param arrays the arrays by entry name
 */
public record ArrayArchive(String kind, String header, Map<String, INDArray> arrays) {
    private static final String HEADER = "header.json";
    private static final String KIND = "kind";
    /**
     * The most an archive may expand to, as a multiple of its size on disk, plus {@link #EXPANSION_SLACK}. mwnet's
     * entries are float arrays, which deflate hardly at all (a trained checkpoint's entries are 85-100% of their
     * size), so 16 is far beyond any file mwnet writes, while a zip bomb (deflate reaches about 1000 times) is
     * refused after reading at most 16 times the file instead of exhausting memory.
     */
    static final int MAX_EXPANSION = 16;
    /** Room for small archives whose few short arrays and JSON header deflate well. */
    static final long EXPANSION_SLACK = 16L << 20;

    /**
     * @param file target, replaced atomically
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.putNextEntry(new ZipEntry(KIND));
            zip.write(kind.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(HEADER));
            zip.write(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry("arrays/" + e.getKey()));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Nd4j.write(e.getValue(), new DataOutputStream(bytes));
                zip.write(bytes.toByteArray());
            }
            zip.finish();
        });
    }

    /**
     * @param file an archive
     * @param expectedKind the kind required
     * @return its content
     * @throws IOException when the file is missing, not an archive, or of another kind; the message says which
     */
    public static ArrayArchive read(Path file, String expectedKind) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such " + expectedKind + " file");
        }
        String kind = null;
        String header = null;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        String entry = null;
        long budget = Math.min(Integer.MAX_VALUE - 8L, MAX_EXPANSION * Files.size(file) + EXPANSION_SLACK);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entry = e.getName();
                // readNBytes grows its buffer as the bytes arrive, so a huge declared size allocates nothing
                byte[] content = zip.readNBytes((int) budget + 1);
                budget -= content.length;
                if (budget < 0) {
                    throw new DataFormatException(file, "corrupt mwnet " + expectedKind + " (entry " + entry
                            + " expands to more than " + MAX_EXPANSION + " times the file's size; mwnet never "
                            + "writes such a file)");
                }
                if (e.getName().equals(KIND)) {
                    kind = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                } else if (e.getName().equals(HEADER)) {
                    header = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                } else if (e.getName().startsWith("arrays/")) {
                    arrays.put(e.getName().substring(7), Nd4j.read(new DataInputStream(new ByteArrayInputStream(content))));
                }
            }
        } catch (java.nio.file.FileSystemException | DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a cut-off zip ends in EOFException, a foreign entry's bytes in whatever Nd4j.read throws (often wrapped)
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DataFormatException(file, "corrupt or truncated mwnet " + expectedKind + " ("
                    + (entry != null ? "entry " + entry + ": " : "")
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()) + ")");
        }
        if (kind == null || header == null) {
            throw new DataFormatException(file, "not an mwnet " + expectedKind + " file (no header)");
        }
        if (!kind.equals(expectedKind)) {
            throw new DataFormatException(file, "is an mwnet " + kind + " file; expected a " + expectedKind);
        }
        return new ArrayArchive(kind, header, arrays);
    }

    /**
     * Parses an archive's JSON header into its record, which validates it.
     *
     * @param file the archive, for messages
     * @param header its header, parsed
     * @param type the header's record
     * @param <T> that record
     * @return the header
     * @throws DataFormatException naming the file and the first problem, when the header lacks a field, holds one of
     *     the wrong type, or a value the record refuses
     */
    <T> T header(Path file, JsonNode header, Class<T> type) throws DataFormatException {
        try {
            return Json.MAPPER.treeToValue(header, type);
        } catch (JsonProcessingException e) {
            throw corruptHeader(file, e);
        }
    }

    /**
     * @param file the archive, for messages
     * @return its header as a JSON tree
     * @throws DataFormatException naming the file, when the header is not JSON (e.g. cut off)
     */
    JsonNode headerTree(Path file) throws DataFormatException {
        try {
            return Json.MAPPER.readTree(header);
        } catch (JsonProcessingException e) {
            throw corruptHeader(file, e);
        }
    }

    private DataFormatException corruptHeader(Path file, JsonProcessingException e) {
        // a record's own check (e.g. a width below 1) arrives as the cause; Jackson's messages end in a dump of the
        // input and its position, which say nothing to the user
        String reason = e.getCause() instanceof RuntimeException c && c.getMessage() != null ? c.getMessage()
                : e.getOriginalMessage();
        int cut = reason.length();
        for (String tail : new String[] {"\n", " (start marker", " at [Source", " (for "}) {
            int i = reason.indexOf(tail);
            cut = i >= 0 ? Math.min(cut, i) : cut;
        }
        return new DataFormatException(file, "corrupt mwnet " + kind + " header (" + reason.substring(0, cut) + ")");
    }

    /**
     * @param prefix entry-name prefix, e.g. "classifier/"
     * @return the arrays under it, by name without the prefix
     */
    public Map<String, INDArray> group(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
