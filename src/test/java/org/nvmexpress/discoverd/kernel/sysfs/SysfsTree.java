package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a sysfs-shaped tree under a test root: {@code sys/class/nvme/<device>/<attribute>} files
 * with the content the kernel's {@code show} handlers produce (value and newline).
 */
final class SysfsTree {
    private final Path root;

    SysfsTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path controllerDir(String device) {
        return root.resolve("sys/class/nvme").resolve(device);
    }

    /** Writes each attribute as given (the fixtures carry their own newlines). */
    SysfsTree controller(String device, Map<String, String> attributes) throws IOException {
        Path dir = Files.createDirectories(controllerDir(device));
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            Files.write(dir.resolve(a.getKey()), a.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    SysfsTree rawAttribute(String device, String attribute, byte[] content) throws IOException {
        Files.write(Files.createDirectories(controllerDir(device)).resolve(attribute), content);
        return this;
    }

    SysfsTree ueventSeqnum(String content) throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("sys/kernel")).resolve("uevent_seqnum"), content);
        return this;
    }
}
