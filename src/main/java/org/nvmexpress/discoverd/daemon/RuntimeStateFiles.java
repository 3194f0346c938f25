package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The one runtime-state file the loop reads per device (reference §9):
 * {@code /run/nvme/discoverd/controllers/<dev>/unit}, written by the unit's {@code ExecStartPost}
 * with the name of the unit that connected the device. Read as the C daemon does (first line, at
 * most 255 bytes, newline stripped); anything unreadable, empty or not a unit name of ours counts
 * as absent, since a crash may leave a partial file. Blocking: workers only.
 */
final class RuntimeStateFiles {
    /** The runtime directory on a host; under {@code --root} in tests. */
    static final String CONTROLLERS = "run/nvme/discoverd/controllers";
    private static final int MAX_BYTES = 255;

    private final Path controllers;

    RuntimeStateFiles(Path root) {
        this.controllers = Objects.requireNonNull(root, "root").resolve(CONTROLLERS);
    }

    /** The unit the state file of {@code device} names, if it names a valid one. */
    Optional<UnitName> unitOf(DeviceName device) {
        Path file = controllers.resolve(device.value()).resolve("unit");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable is as good as absent (reference §9)
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        try {
            return Optional.of(new UnitName(line));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
