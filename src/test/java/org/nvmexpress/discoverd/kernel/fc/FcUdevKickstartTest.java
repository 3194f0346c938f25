package org.nvmexpress.discoverd.kernel.fc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FcUdevKickstartTest {
    @TempDir
    Path root;

    private Path attribute() {
        return root.resolve("sys/class/fc/fc_udev_device/nvme_discovery");
    }

    @Test
    void kickstartWritesAddWithoutNewline() throws Exception {
        Files.createDirectories(attribute().getParent());
        Files.createFile(attribute());
        assertThat(new FcUdevKickstart(root).kickstart()).isEqualTo(FcKickstart.Outcome.REQUESTED);
        assertThat(Files.readString(attribute())).isEqualTo("add");
    }

    @Test
    void kickstartWithoutTheAttributeMeansNoFc() throws Exception {
        assertThat(new FcUdevKickstart(root).kickstart()).isEqualTo(FcKickstart.Outcome.NO_FC);
        Files.createDirectories(attribute().getParent());
        assertThat(new FcUdevKickstart(root).kickstart()).isEqualTo(FcKickstart.Outcome.NO_FC);
        assertThat(attribute()).doesNotExist();
    }

    @Test
    void kickstartFailureNamesTheAttribute() throws Exception {
        Files.createDirectories(attribute());
        assertThatThrownBy(() -> new FcUdevKickstart(root).kickstart())
                .isInstanceOf(FcKickstartException.class)
                .hasMessage("cannot request FC discovery through " + attribute() + ": Is a directory")
                .extracting(e -> ((FcKickstartException) e).path()).isEqualTo(attribute());
    }

    @Test
    void kickstartOnAHostWithoutFcIsNoFc() throws Exception {
        assumeThat(Path.of("/sys/class/fc")).as("a host without an FC transport").doesNotExist();
        assertThat(new FcUdevKickstart(Path.of("/")).kickstart()).isEqualTo(FcKickstart.Outcome.NO_FC);
    }
}
