package org.nvmexpress.discoverd.kernel.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.AttributeText;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * Disconnects a controller the way nvme-cli's {@code disconnect} does (reference §10.9): writes
 * {@code 1} to {@code <root>/sys/class/nvme/nvmeN/delete_controller}. The kernel tears the
 * controller down before the write returns; the {@code remove} uevent, and with it the udev rule
 * that deletes the registry entry, follow asynchronously.
 */
public final class ControllerDeletion {
    static final String DELETE_CONTROLLER = "delete_controller";

    private final Path classNvme;

    /** Deletes controllers under {@code <root>/sys/class/nvme}. */
    public ControllerDeletion(Path root) {
        this.classNvme = Objects.requireNonNull(root, "root").resolve("sys/class/nvme");
    }

    /**
     * Deletes {@code device}.
     *
     * @return false when the controller was already gone (someone else removed it first)
     * @throws SysfsException when the kernel refused the write (e.g. not root, or no such attribute)
     */
    public boolean delete(DeviceName device) throws SysfsException {
        Path dir = classNvme.resolve(device.value());
        Path file = dir.resolve(DELETE_CONTROLLER);
        try {
            // No CREATE: on a real sysfs the attribute exists, and creating one would fake a disconnect.
            Files.write(file, "1".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
            return true;
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            throw new SysfsException(file, "cannot disconnect " + device + ": no " + DELETE_CONTROLLER
                    + " attribute", e);
        } catch (IOException e) {
            throw new SysfsException(file, "cannot disconnect " + device + ": " + AttributeText.reason(e), e);
        }
    }
}
