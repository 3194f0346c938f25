package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The host's default identity, {@code <root>/etc/nvme/hostnqn} and {@code <root>/etc/nvme/hostid},
 * which nvme-cli uses when a connect names no host NQN or ID. The built-in connector must use the
 * same, or it would connect as the kernel's generated host and the target would not know it.
 *
 * <p>Rules: an explicit host NQN is used as given; without one, the file's. An explicit host ID is
 * used as given; without one, the file's when the host NQN is the file's too (the two files are a
 * pair), else the part after {@code uuid:} in the host NQN, as libnvme derives it (reference §12.4).
 */
public final class HostIdentityFiles {
    /** A host NQN is at most 223 bytes; the files are read up to a little more, to report garbage. */
    private static final int MAX_BYTES = 1024;

    private final Path hostnqnFile;
    private final Path hostidFile;

    public HostIdentityFiles(Path systemRoot) {
        Objects.requireNonNull(systemRoot, "systemRoot");
        this.hostnqnFile = systemRoot.resolve("etc/nvme/hostnqn");
        this.hostidFile = systemRoot.resolve("etc/nvme/hostid");
    }

    /**
     * The identity to connect {@code tid} with.
     *
     * @throws IOException when a file exists but cannot be read; a missing or empty file is no default
     */
    public ConnectIdentity resolve(TransportId tid) throws IOException {
        Optional<String> hostnqn = Optional.ofNullable(tid.hostnqn());
        boolean nqnFromFile = hostnqn.isEmpty();
        if (nqnFromFile) {
            hostnqn = firstLine(hostnqnFile);
        }
        Optional<String> hostid = Optional.ofNullable(tid.hostid());
        if (hostid.isEmpty() && nqnFromFile) {
            hostid = firstLine(hostidFile);
        }
        if (hostid.isEmpty()) {
            hostid = hostnqn.flatMap(HostIdentityFiles::uuidOf);
        }
        return new ConnectIdentity(hostnqn, hostid);
    }

    private static Optional<String> uuidOf(String hostnqn) {
        int uuid = hostnqn.indexOf("uuid:");
        return uuid < 0 ? Optional.empty() : Optional.of(hostnqn.substring(uuid + "uuid:".length()));
    }

    private static Optional<String> firstLine(Path file) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }
}
