package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.DeviceName;

final class DevidFileTest {
    @TempDir
    Path dir;

    @Test
    void openCreatesAFileReadableByAllAndWritableByItsOwnerOnly() throws Exception {
        Path path = dir.resolve("unit.devid");

        try (DevidFile file = DevidFile.open(path)) {
            file.write(new DeviceName("nvme3"));
        }

        assertThat(path).hasContent("nvme3");
        assertThat(Files.readString(path)).isEqualTo("nvme3\n");
        assertThat(Files.getPosixFilePermissions(path))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void openKeepsThePreviousValueUntilAWrite() throws Exception {
        Path path = dir.resolve("unit.devid");
        Files.writeString(path, "nvme12\n");

        try (DevidFile file = DevidFile.open(path)) {
            assertThat(Files.readString(path)).isEqualTo("nvme12\n");
        }
        assertThat(Files.readString(path)).isEqualTo("nvme12\n");
    }

    @Test
    void writeReplacesALongerPreviousValue() throws Exception {
        Path path = dir.resolve("unit.devid");
        Files.writeString(path, "nvme123\n");

        try (DevidFile file = DevidFile.open(path)) {
            file.write(new DeviceName("nvme4"));
        }

        assertThat(Files.readString(path)).isEqualTo("nvme4\n");
    }

    @Test
    void openRefusesASymbolicLink() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "precious\n");
        Path link = Files.createSymbolicLink(dir.resolve("unit.devid"), target);

        assertThatThrownBy(() -> DevidFile.open(link))
                .isInstanceOf(IOException.class)
                .hasMessage("devid file " + link + " is a symbolic link; refusing to write through it");
        assertThat(Files.readString(target)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void openRefusesADanglingSymbolicLinkWithoutCreatingItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("unit.devid"), dir.resolve("planted"));

        assertThatThrownBy(() -> DevidFile.open(link))
                .hasMessage("devid file " + link + " is a symbolic link; refusing to write through it");
        assertThat(Files.exists(dir.resolve("planted"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void openInAMissingDirectorySaysSo() {
        Path path = dir.resolve("missing/unit.devid");

        assertThatThrownBy(() -> DevidFile.open(path))
                .hasMessage("cannot open devid file " + path + ": its directory does not exist");
    }
}
