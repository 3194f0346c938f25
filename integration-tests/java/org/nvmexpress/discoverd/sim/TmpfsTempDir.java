package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Scenario roots on tmpfs ({@code /dev/shm}) when the machine has one, as {@code /run} is on a real
 * host. The daemon and the connector fsync every registry entry, devid file and state file they
 * write; on a disk-backed {@code /tmp} those syncs, and the directory creations of 10,000 sysfs
 * entries, were 60 to 110 s of the scale scenario's 67 to 111 s (JFR: open, force, unlink, mkdir),
 * against 9 s on tmpfs. JUnit still deletes the directory afterwards.
 */
final class TmpfsTempDir implements TempDirFactory {
    private static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, "nvme-sim-");
        }
        return Files.createTempDirectory("nvme-sim-");
    }
}
