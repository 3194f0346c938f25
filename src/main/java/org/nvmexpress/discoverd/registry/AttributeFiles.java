package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading attribute files the way every registry reader does (reference §10.2): trailing line
 * breaks stripped, an empty file is absent, temporaries and hidden files are not attributes.
 */
final class AttributeFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AttributeFiles.class);

    /**
     * Values are one line of text; a larger file is not one we or libnvme wrote, and reading it
     * whole would let any file in the registry exhaust the reader's memory.
     */
    static final int MAX_FILE_BYTES = 65536;

    private AttributeFiles() {
    }

    /** The value in {@code file}; absent when the file is missing or empty after stripping. */
    static Optional<String> read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException(file + ": larger than " + MAX_FILE_BYTES + " bytes, not a registry value");
        }
        String value = stripLineBreaks(new String(bytes, StandardCharsets.UTF_8));
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Every attribute in the entry directory {@code dir}. Hidden files, temporaries ({@code .tmp.}),
     * names that are not attribute names, non-regular files and empty values are left out; an
     * unreadable file is left out with a warning, as libnvme skips it.
     *
     * @throws NoSuchFileException when {@code dir} does not exist
     */
    static Map<AttributeName, String> readAll(Path dir) throws IOException {
        Map<AttributeName, String> attributes = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!AttributeName.isValid(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // hidden, temporary or foreign: not an attribute
                }
                try {
                    read(file).ifPresent(value -> attributes.put(new AttributeName(name), value));
                } catch (IOException e) {
                    LOG.warn("{}: skipping unreadable registry attribute: {}", file, IoMessages.describe(e));
                }
            }
        }
        return attributes;
    }

    /** Removes trailing {@code \n} and {@code \r} characters, as libnvme does. */
    static String stripLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
