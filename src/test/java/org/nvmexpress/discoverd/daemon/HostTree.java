package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Writes a host under a test root the way the kernel, the registry, the units and the
 * administrator leave it: {@code sys/class/nvme/<dev>/<attr>} (value and newline, as sysfs shows
 * them), {@code dev/<dev>} nodes (plain files), {@code run/nvme/registry/<dev>/owner},
 * {@code run/nvme/discoverd/{controllers,units}} and {@code etc/nvme/exclusions.conf}.
 */
final class HostTree {
    static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:4c4c4544-0034-5310-8052-b4c04f4e4332";
    static final String HOSTID = "4c4c4544-0034-5310-8052-b4c04f4e4332";

    private final Path root;

    HostTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A live controller with the system's host NQN and its {@code /dev} node. */
    HostTree controller(String device, String transport, String address, String subsysnqn, String cntrltype) {
        return controller(device, transport, address, subsysnqn, cntrltype, HOSTNQN, "live");
    }

    HostTree controller(String device, String transport, String address, String subsysnqn, String cntrltype,
            String hostnqn, String state) {
        Path dir = root.resolve("sys/class/nvme").resolve(device);
        write(dir.resolve("transport"), transport + "\n");
        write(dir.resolve("address"), address + "\n");
        write(dir.resolve("subsysnqn"), subsysnqn + "\n");
        write(dir.resolve("hostnqn"), hostnqn + "\n");
        write(dir.resolve("hostid"), HOSTID + "\n");
        write(dir.resolve("cntrltype"), cntrltype + "\n");
        write(dir.resolve("state"), state + "\n");
        return devNode(device);
    }

    /** {@code run/nvme/discoverd/{units,controllers}}, as systemd's {@code RuntimeDirectory=} makes them. */
    HostTree runtimeLayout() {
        try {
            Files.createDirectories(root.resolve("run/nvme/discoverd/units"));
            Files.createDirectories(root.resolve("run/nvme/discoverd/controllers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HostTree devNode(String device) {
        write(root.resolve("dev").resolve(device), "");
        return this;
    }

    HostTree owner(String device, String owner) {
        write(root.resolve("run/nvme/registry").resolve(device).resolve("owner"), owner + "\n");
        return this;
    }

    /** Sets when the registry entry of {@code device} was last written. */
    HostTree registryWritten(String device, Instant time) {
        touch(root.resolve("run/nvme/registry").resolve(device), time);
        return this;
    }

    HostTree stateUnit(String device, UnitName unit, Instant written) {
        Path file = root.resolve("run/nvme/discoverd/controllers").resolve(device).resolve("unit");
        write(file, unit.value() + "\n");
        touch(file, written);
        return this;
    }

    HostTree devid(UnitName unit, String device) {
        write(root.resolve("run/nvme/discoverd/units").resolve(unit.devidFileName()), device + "\n");
        return this;
    }

    HostTree exclusions(String text) {
        write(root.resolve("etc/nvme/exclusions.conf"), text);
        return this;
    }

    Path write(String relative, String content) {
        Path file = root.resolve(relative);
        write(file, content);
        return file;
    }

    HostSurvey survey(Optional<String> systemHostnqn) {
        return new HostSurvey(root, new SysfsReader(root), new Registry(root), new ExclusionLists(root), systemHostnqn);
    }

    /** The snapshot of this host, whose default host NQN is {@link #HOSTNQN}. */
    HostSnapshot snapshot() {
        return survey(Optional.of(HOSTNQN)).read();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path path, Instant time) {
        try {
            Files.setLastModifiedTime(path, FileTime.from(time));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
