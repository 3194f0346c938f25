package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nvmexpress.discoverd.fs.AtomicFiles;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Makes the runtime state of reference §9 again after it was removed under the daemon
 * ({@code rm -rf /run/nvme/discoverd}): the layout systemd's {@code RuntimeDirectory=} makes at
 * start-up ({@code units/}, {@code controllers/}, mode 0755), and for each connection the two files
 * its unit's scripts wrote: {@code controllers/<dev>/unit} (the unit name) and
 * {@code units/<stem>.devid} (the device). Without them a unit's {@code ExecStop} cannot find the
 * device it must disconnect, and the next daemon cannot adopt from the state.
 *
 * <p>Each file is replaced atomically under a hidden temporary name, which
 * {@link RuntimeStateReader} and the unit scripts never read. The content is what the scripts
 * write, so either daemon and every script reads it as its own. Blocking file I/O: workers only.
 */
final class RuntimeStateWriter {
    private static final String CONTROLLERS = "controllers";
    private static final String UNITS = "units";

    /** One connection's runtime state: {@code device} was made by {@code unit}. */
    record Entry(DeviceName device, UnitName unit) {
        Entry {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(unit, "unit");
        }
    }

    private RuntimeStateWriter() {
    }

    /** Whether {@code units/} and {@code controllers/} are both real directories under the root. */
    static boolean isIntact(Path root) {
        Path dir = root.resolve(RuntimeStateReader.DIRECTORY);
        return Files.isDirectory(dir.resolve(UNITS), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve(CONTROLLERS), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Makes the layout ({@code mkdir -p}, as the C daemon does at start-up), then writes the files
     * of every entry.
     *
     * @return how many entries were written
     */
    static int rebuild(Path root, List<Entry> entries) throws IOException {
        Path dir = root.resolve(RuntimeStateReader.DIRECTORY);
        AtomicFiles.createDirectories(dir.resolve(UNITS));
        AtomicFiles.createDirectories(dir.resolve(CONTROLLERS));
        for (Entry entry : entries) {
            Path controller = dir.resolve(CONTROLLERS).resolve(entry.device().value());
            AtomicFiles.createDirectories(controller);
            AtomicFiles.replace(controller.resolve("unit"), line(entry.unit().value()), ".unit.tmp.");
            AtomicFiles.replace(dir.resolve(UNITS).resolve(entry.unit().devidFileName()),
                    line(entry.device().value()), ".devid.tmp.");
        }
        return entries.size();
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
