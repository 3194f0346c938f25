package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostNqnFileTest {
    @TempDir
    Path root;

    private void write(String content) throws Exception {
        Files.writeString(Files.createDirectories(root.resolve("etc/nvme")).resolve("hostnqn"), content);
    }

    @Test
    void readTakesTheFirstLineStripped() throws Exception {
        write("  " + RecordedControllers.HOSTNQN + " \nsecond line\n");
        assertThat(HostNqnFile.read(root)).contains(RecordedControllers.HOSTNQN);
    }

    @Test
    void readOfAMissingOrBlankFileIsEmpty() throws Exception {
        assertThat(HostNqnFile.read(root)).isEmpty();
        write(" \n");
        assertThat(HostNqnFile.read(root)).isEmpty();
    }

    @Test
    void readRejectsAnOversizedFile() throws Exception {
        write("x".repeat(1025));
        assertThatThrownBy(() -> HostNqnFile.read(root))
                .hasMessage(root.resolve("etc/nvme/hostnqn") + ": larger than 1024 bytes, not a host NQN");
    }
}
