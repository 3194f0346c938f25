package org.nvmexpress.discoverd.registry;

import static org.nvmexpress.discoverd.registry.RegistryException.Reason.INVALID_VALUE;
import static org.nvmexpress.discoverd.registry.RegistryException.Reason.IO_FAILURE;
import static org.nvmexpress.discoverd.registry.RegistryException.Reason.NOT_A_DIRECTORY;
import static org.nvmexpress.discoverd.registry.RegistryException.Reason.NOT_FOUND;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.fs.AtomicFiles;

/**
 * The ownership registry, {@code /run/nvme/registry/nvmeN/{owner,seqnum,<attr>}} under a system
 * root (reference §10): who connected each controller, so that other orchestrators and sweeping
 * commands leave it alone. Cooperative, not enforced; an absent entry means unowned.
 *
 * <p>Every write is atomic for concurrent readers in any process, libnvme's included: one
 * attribute is replaced by temporary file + fsync + rename + directory fsync; a whole entry is
 * built in a hidden temporary directory and renamed into place; deletion renames the entry to a
 * hidden trash directory first. Concurrent writers never corrupt a value; the last one wins.
 */
public final class Registry {
    /** The registry directory on a live system. */
    public static final String DIRECTORY = "/run/nvme/registry";

    /** Bound on the retries when concurrent writers keep replacing the entry under us. */
    private static final int ATTEMPTS = 100;

    private final RegistryLayout layout;
    private final EntryWriter writer;

    /** The registry of the system mounted at {@code systemRoot} ({@code /} on a live system). */
    public Registry(Path systemRoot) {
        this.layout = new RegistryLayout(systemRoot);
        this.writer = new EntryWriter(layout);
    }

    /** {@code <root>/run/nvme/registry}. */
    public Path directory() {
        return layout.directory();
    }

    /** The attribute's value; absent when the entry or the attribute is missing or empty. */
    public Optional<String> retrieve(DeviceName device, AttributeName attribute) throws RegistryException {
        Path file = layout.attribute(device, attribute);
        requireUsableRegistry(device, attribute, "read");
        try {
            return AttributeFiles.read(file);
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, attribute, file, "read", e);
        }
    }

    /** The entry of {@code device}, live or stale. {@link RegistryException.Reason#NOT_FOUND} when missing. */
    public RegistryEntry entry(DeviceName device) throws RegistryException {
        Path dir = layout.entry(device);
        requireUsableRegistry(device, null, "read");
        try {
            return new RegistryEntry(device, AttributeFiles.readAll(dir));
        } catch (NoSuchFileException e) {
            throw new RegistryException(NOT_FOUND, device, null, dir, device + ": not registered", e);
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, null, dir, "read", e);
        }
    }

    /**
     * The entries of live controllers (their {@code /dev} node exists), in instance order. Stale
     * entries, hidden names, temporaries and foreign names are skipped; no registry means no entries.
     */
    public List<RegistryEntry> list() throws RegistryException {
        return list(true);
    }

    /**
     * Every entry, live or stale (its {@code /dev} node gone: the controller went away and the udev
     * rule has not removed the entry), in instance order; what an audit compares with sysfs. Hidden
     * names, temporaries and foreign names are skipped; no registry means no entries.
     */
    public List<RegistryEntry> listAll() throws RegistryException {
        return list(false);
    }

    private List<RegistryEntry> list(boolean liveOnly) throws RegistryException {
        Path dir = layout.directory();
        Optional<Path> blocker = layout.nonDirectoryOnPath();
        if (blocker.isPresent()) {
            throw new RegistryException(NOT_A_DIRECTORY, null, null, blocker.get(),
                    "cannot list the registry: " + blocker.get() + " is not a directory", null);
        }
        List<RegistryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
            for (Path path : names) {
                String name = path.getFileName().toString();
                if (DeviceName.isValid(name) && RegistryLayout.isDirectory(path)
                        && (!liveOnly || layout.isLive(new DeviceName(name)))) {
                    readIfStillThere(new DeviceName(name), path).ifPresent(entries::add);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RegistryException(IO_FAILURE, null, null, dir,
                    "cannot list the registry: " + IoMessages.describe(e), e);
        }
        entries.sort(Comparator.comparing(RegistryEntry::device));
        return entries;
    }

    private static Optional<RegistryEntry> readIfStillThere(DeviceName device, Path dir) throws IOException {
        try {
            return Optional.of(new RegistryEntry(device, AttributeFiles.readAll(dir)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted or replaced while we listed: gone is a correct answer
        }
    }

    /**
     * Sets one attribute, creating the entry when there is none (then without a seqnum stamp, as
     * libnvme). Any attribute may be written, {@code owner} included: taking over is cooperative.
     */
    public void update(DeviceName device, AttributeName attribute, String value) throws RegistryException {
        Path file = layout.attribute(device, attribute);
        byte[] content = checkedValue(device, attribute, value, file);
        prepareRegistry(device, attribute, "update");
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (writer.writeAttribute(device, attribute, content)
                        || writer.install(device, Map.of(attribute, value), false, 1)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, attribute, file, "update", e);
        }
        throw contended(device, attribute, file, "update");
    }

    /**
     * (Re)creates the entry of a controller just connected: exactly {@code owner} and the current
     * uevent seqnum, replacing any previous entry with its private attributes (reference §10.3–10.4).
     */
    public void create(DeviceName device, String owner) throws RegistryException {
        Path entry = layout.entry(device);
        checkedValue(device, AttributeName.OWNER, owner, layout.attribute(device, AttributeName.OWNER));
        prepareRegistry(device, null, "create");
        Map<AttributeName, String> attributes = new LinkedHashMap<>();
        layout.currentSeqnum().ifPresent(seqnum -> attributes.put(AttributeName.SEQNUM, seqnum));
        attributes.put(AttributeName.OWNER, owner);
        try {
            if (writer.install(device, attributes, true, ATTEMPTS)) {
                return;
            }
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, null, entry, "create", e);
        }
        throw contended(device, null, entry, "create");
    }

    /** Removes one attribute. {@link RegistryException.Reason#NOT_FOUND} when it is not there. */
    public void removeAttribute(DeviceName device, AttributeName attribute) throws RegistryException {
        Path file = layout.attribute(device, attribute);
        requireUsableRegistry(device, attribute, "delete");
        try {
            Files.delete(file);
            AtomicFiles.fsyncDirectory(file.getParent());
        } catch (NoSuchFileException e) {
            throw new RegistryException(NOT_FOUND, device, attribute, file,
                    device + ": not registered or '" + attribute + "' not found", e);
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, attribute, file, "delete", e);
        }
    }

    /** Removes the whole entry atomically. {@link RegistryException.Reason#NOT_FOUND} when there is none. */
    public void delete(DeviceName device) throws RegistryException {
        if (!deleteIfPresent(device)) {
            throw new RegistryException(NOT_FOUND, device, null, layout.entry(device), device + ": not registered", null);
        }
    }

    /** Removes the whole entry atomically if there is one; whether there was. */
    public boolean deleteIfPresent(DeviceName device) throws RegistryException {
        Path entry = layout.entry(device);
        requireUsableRegistry(device, null, "delete");
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false; // without creating a trash directory, which a reader without write access cannot
        }
        try {
            boolean deleted = EntryDirectories.trash(layout.directory(), entry);
            if (deleted) {
                AtomicFiles.fsyncDirectory(layout.directory());
            }
            return deleted;
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, null, entry, "delete", e);
        }
    }

    private static byte[] checkedValue(DeviceName device, AttributeName attribute, String value, Path file)
            throws RegistryException {
        Objects.requireNonNull(value, "value");
        String problem = value.isEmpty() ? "it is empty (delete the attribute instead)"
                : value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? "it contains a line break"
                : value.indexOf('\0') >= 0 ? "it contains a NUL character"
                : null;
        byte[] content = (value + "\n").getBytes(StandardCharsets.UTF_8);
        if (problem == null && content.length > AttributeFiles.MAX_FILE_BYTES) {
            problem = "it is longer than " + (AttributeFiles.MAX_FILE_BYTES - 1) + " bytes";
        }
        if (problem != null) {
            throw new RegistryException(INVALID_VALUE, device, attribute, file,
                    device + ": cannot store '" + attribute + "': " + problem, null);
        }
        return content;
    }

    /** Fails when something that is not a directory sits where the registry (or a parent) should be. */
    private void requireUsableRegistry(DeviceName device, AttributeName attribute, String verb) throws RegistryException {
        Optional<Path> blocker = layout.nonDirectoryOnPath();
        if (blocker.isPresent()) {
            throw new RegistryException(NOT_A_DIRECTORY, device, attribute, blocker.get(),
                    subject(device, attribute, verb) + ": " + blocker.get() + " is not a directory", null);
        }
    }

    /** {@code mkdir -p} of the registry directory, mode 0755, refusing a file in the way. */
    private void prepareRegistry(DeviceName device, AttributeName attribute, String verb) throws RegistryException {
        requireUsableRegistry(device, attribute, verb);
        try {
            AtomicFiles.createDirectories(layout.directory());
        } catch (IOException e) {
            throw failure(IO_FAILURE, device, attribute, layout.directory(), verb, e);
        }
    }

    private static RegistryException failure(RegistryException.Reason reason, DeviceName device,
            AttributeName attribute, Path path, String verb, IOException e) {
        return new RegistryException(reason, device, attribute, path,
                subject(device, attribute, verb) + ": " + IoMessages.describe(e), e);
    }

    private static RegistryException contended(DeviceName device, AttributeName attribute, Path path, String verb) {
        return new RegistryException(IO_FAILURE, device, attribute, path, subject(device, attribute, verb)
                + ": gave up after " + ATTEMPTS + " attempts, other writers kept replacing " + path, null);
    }

    /** "nvme3: cannot update 'owner'" or "nvme3: cannot delete the entry". */
    private static String subject(DeviceName device, AttributeName attribute, String verb) {
        return device + ": cannot " + verb + (attribute != null ? " '" + attribute + "'" : " the entry");
    }
}
