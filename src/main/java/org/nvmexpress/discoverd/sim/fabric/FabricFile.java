package org.nvmexpress.discoverd.sim.fabric;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a simulation's {@code fabric.json} (the format is in docs/simulate.md) into a
 * {@link Fabric}, or refuses it with every problem it has: a typo must not pass silently, so an
 * unknown key is an error like a reference that resolves to nothing.
 *
 * <p>Bounded whatever the file holds: at most {@link #MAX_BYTES} are read; Jackson parses with a
 * nesting limit of {@link #MAX_DEPTH} and rejects a repeated key at once (it would otherwise keep
 * the last, silently); the reader looks at each node of the tree a bounded number of times and
 * resolves references by hash lookups; the exception lists at most
 * {@link FabricFileException#MAX_LISTED} problems and quotes at most a prefix of each value.
 * Stateless; safe from any thread.
 */
public final class FabricFile {
    /** Largest file read: a lab of hundreds of ports and subsystems is a few tens of KiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting Jackson accepts: the format's deepest value (a log entry's {@code self}) is at 5. */
    static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_BYTES).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FabricFile() {
    }

    /** Reads {@code file}, naming it as given in every message. */
    public static Fabric read(Path file) throws FabricFileException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw whole(name, "no such file");
        } catch (IOException e) {
            throw whole(name, "cannot read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
        if (bytes.length > MAX_BYTES) {
            throw whole(name, "larger than " + MAX_BYTES + " bytes; no fabric file is this large");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw whole(name, "not UTF-8 text");
        }
        return parse(text, name);
    }

    /**
     * Reads {@code text}, the content of the file {@code fileName}.
     *
     * @param fileName the file as the user named it, used in every message
     */
    public static Fabric parse(String text, String fileName) throws FabricFileException {
        return reading(text, fileName).fabric();
    }

    /** What one reading found, and how many nodes it looked at: the property tests bound both. */
    record Reading(String fileName, Optional<Fabric> read, Problems problems, long visits) {
        Fabric fabric() throws FabricFileException {
            if (!problems.isEmpty()) {
                throw problems.exception(fileName);
            }
            return read.orElseThrow(() -> new AssertionError("no fabric and no problem"));
        }
    }

    static Reading reading(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        Problems problems = new Problems();
        if (text.length() > MAX_BYTES) {
            problems.add("", "larger than " + MAX_BYTES + " bytes; no fabric file is this large");
            return new Reading(fileName, Optional.empty(), problems, 0);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(where(e.getLocation()), "not JSON: " + firstLine(e.getOriginalMessage()));
            return new Reading(fileName, Optional.empty(), problems, 0);
        }
        FabricReader reader = new FabricReader(problems);
        Optional<Fabric> fabric = reader.read(root);
        return new Reading(fileName, fabric, problems, reader.visits());
    }

    private static FabricFileException whole(String file, String message) {
        return new FabricFileException(file, new FabricFileException.Problem("", message));
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message without the source excerpt it appends, and never long. */
    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
