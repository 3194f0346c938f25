package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The simulated kernel's files under the simulation's root, in the real formats (a value and a
 * newline per attribute): {@code sys/class/nvme/nvmeN/*}, the {@code dev/nvmeN} node (a plain file)
 * and {@code sys/kernel/uevent_seqnum}. The daemon reads them with its real sysfs reader.
 */
final class SimSysfs {
    private final Path root;

    SimSysfs(Path root) {
        this.root = root;
    }

    void create(SimController c) {
        Path dir = controllerDir(c);
        write(dir.resolve("transport"), c.port.transport());
        write(dir.resolve("address"), c.address());
        write(dir.resolve("subsysnqn"), c.subsysnqn);
        write(dir.resolve("hostnqn"), c.hostnqn);
        write(dir.resolve("hostid"), c.hostid);
        write(dir.resolve("cntrltype"), c.discovery ? "discovery" : "io");
        write(dir.resolve("state"), c.state);
        write(root.resolve("dev").resolve(c.device.value()), null);
    }

    void state(SimController c) {
        write(controllerDir(c).resolve("state"), c.state);
    }

    void delete(SimController c) {
        deleteTree(controllerDir(c));
        deleteTree(root.resolve("dev").resolve(c.device.value()));
    }

    void seqnum(long value) {
        write(root.resolve("sys/kernel/uevent_seqnum"), Long.toString(value));
    }

    private Path controllerDir(SimController c) {
        return root.resolve("sys/class/nvme").resolve(c.device.value());
    }

    /** {@code value} and a newline, or an empty file for {@code null}. */
    static void write(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, value == null ? "" : value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
