package org.nvmexpress.discoverd.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the registry and the files it consults are, under one system root (ARCHITECTURE §5): the
 * entries in {@code <root>/run/nvme/registry}, device nodes in {@code <root>/dev}, the uevent
 * sequence number in {@code <root>/sys/kernel/uevent_seqnum}. Every path it returns is built from a
 * validated {@link DeviceName} or {@link AttributeName}, so it stays inside the registry directory.
 */
final class RegistryLayout {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryLayout.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private final Path root;
    private final Path directory;
    private final Path devices;
    private final Path ueventSeqnum;

    RegistryLayout(Path systemRoot) {
        this.root = Objects.requireNonNull(systemRoot, "systemRoot").toAbsolutePath().normalize();
        this.directory = root.resolve("run/nvme/registry");
        this.devices = root.resolve("dev");
        this.ueventSeqnum = root.resolve("sys/kernel/uevent_seqnum");
    }

    /** {@code <root>/run/nvme/registry}. */
    Path directory() {
        return directory;
    }

    Path entry(DeviceName device) {
        return directory.resolve(device.value());
    }

    Path attribute(DeviceName device, AttributeName attribute) {
        return entry(device).resolve(attribute.value());
    }

    /**
     * Whether the controller still exists: its {@code /dev} node is there. An entry without one is
     * stale (the controller went away and the udev rule has not run, or was not installed).
     */
    boolean isLive(DeviceName device) {
        return Files.exists(devices.resolve(device.value()));
    }

    /**
     * The first existing path between the root (exclusive) and the registry directory (inclusive)
     * that is not a directory: it makes the registry unusable, and a write must not go around it.
     */
    Optional<Path> nonDirectoryOnPath() {
        for (Path p = directory; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The kernel's current uevent sequence number, the stamp of a new entry; best effort, as in
     * libnvme: an entry without a stamp only loses the udev rule's seqnum check (reference §10.5).
     */
    Optional<String> currentSeqnum() {
        String text;
        try {
            text = Files.readString(ueventSeqnum, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            LOG.warn("{} does not exist; registry entry written without a seqnum stamp", ueventSeqnum);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}; registry entry written without a seqnum stamp", ueventSeqnum,
                    IoMessages.describe(e));
            return Optional.empty();
        }
        if (!DIGITS.matcher(text).matches()) {
            LOG.warn("{} holds '{}', not a number; registry entry written without a seqnum stamp", ueventSeqnum, text);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Whether {@code path} is a real directory, not a symbolic link to one. */
    static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
}
