package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's default host NQN, {@code /etc/nvme/hostnqn}: what {@code nvme connect} uses when it
 * is given none, and so what a live controller shows for a desired TID without a host NQN. Read once
 * at startup and handed to {@link ConnectionIdentityMatcher}.
 */
public final class HostNqnFile {
    /** An NQN is at most 223 bytes; anything much longer is not a host NQN file. */
    private static final int MAX_BYTES = 1024;

    private HostNqnFile() {
    }

    /**
     * The first line of {@code <root>/etc/nvme/hostnqn} without surrounding white space, as libnvme
     * reads it.
     *
     * @return the NQN, or empty when the file is missing or blank
     * @throws IOException when the file exists but cannot be read or is oversized; the message
     *                     names the file
     */
    public static Optional<String> read(Path root) throws IOException {
        Path file = root.resolve("etc/nvme/hostnqn");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException(file + ": larger than " + MAX_BYTES + " bytes, not a host NQN");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }
}
