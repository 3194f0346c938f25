package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.DeviceName;

/** Writing {@code delete_controller}: done, already gone, and an attribute that is not there. */
final class ControllerDeletionTest {
    @TempDir
    Path root;

    private Path controller(String device) throws Exception {
        return Files.createDirectories(root.resolve("sys/class/nvme").resolve(device));
    }

    @Test
    void writesOneToDeleteController() throws Exception {
        Path attribute = Files.writeString(controller("nvme3").resolve("delete_controller"), "");
        assertThat(new ControllerDeletion(root).delete(new DeviceName("nvme3"))).isTrue();
        assertThat(Files.readString(attribute)).isEqualTo("1");
    }

    @Test
    void aControllerAlreadyGoneIsNoFailure() throws Exception {
        assertThat(new ControllerDeletion(root).delete(new DeviceName("nvme7"))).isFalse();
    }

    @Test
    void aMissingAttributeIsAFailureAndNeverCreated() throws Exception {
        Path dir = controller("nvme4");
        assertThatThrownBy(() -> new ControllerDeletion(root).delete(new DeviceName("nvme4")))
                .isInstanceOf(SysfsException.class).hasMessageContaining("no delete_controller attribute");
        assertThat(dir.resolve("delete_controller")).doesNotExist();
    }
}
