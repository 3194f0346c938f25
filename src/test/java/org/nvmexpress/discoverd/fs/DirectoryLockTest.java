package org.nvmexpress.discoverd.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checked against util-linux flock(1), an independent flock(2) user, in another process. */
final class DirectoryLockTest {
    @TempDir
    Path dir;

    /** Exit status of {@code flock -n -E 42 DIR true}: 42 when someone else holds the lock. */
    private int tryLockFromAnotherProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("flock", "-n", "-E", "42", dir.toString(), "true").start();
        return p.waitFor();
    }

    @Test
    void lockExcludesOtherProcessesUntilClosed() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/flock"))).as("util-linux flock(1) installed").isTrue();
        try (DirectoryLock lock = DirectoryLock.exclusive(dir)) {
            assertThat(tryLockFromAnotherProcess()).isEqualTo(42);
        }
        assertThat(tryLockFromAnotherProcess()).isZero();
    }

    @Test
    void lockingAFileOrAMissingDirectoryFails() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> DirectoryLock.exclusive(file)).hasMessageContaining("cannot open directory");
        assertThatThrownBy(() -> DirectoryLock.exclusive(dir.resolve("missing"))).isInstanceOf(IOException.class);
    }
}
