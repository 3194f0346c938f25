package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryEntry;

final class OwnerStoreTest {
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    @TempDir
    Path root;

    @Test
    void entriesListsStaleEntriesToo() throws Exception {
        HostTree host = new HostTree(root);
        host.owner("nvme3", "discoverd").owner("nvme4", "stas").devNode("nvme4");
        assertThat(OwnerStore.of(new Registry(root)).entries()).extracting(e -> e.device().value())
                .containsExactly("nvme3", "nvme4");
    }

    @Test
    void removeDeletesAnEntryThatDidNotChange() throws Exception {
        new HostTree(root).owner("nvme3", "discoverd").write("run/nvme/registry/nvme3/seqnum", "1001\n");
        OwnerStore owners = OwnerStore.of(new Registry(root));
        RegistryEntry read = owners.entries().get(0);
        assertThat(owners.remove(read)).isTrue();
        assertThat(root.resolve("run/nvme/registry/nvme3")).doesNotExist();
        assertThat(owners.remove(read)).as("gone already").isFalse();
    }

    @Test
    void removeKeepsAnEntryRewrittenSinceItWasRead() throws Exception {
        HostTree host = new HostTree(root);
        host.owner("nvme3", "discoverd").write("run/nvme/registry/nvme3/seqnum", "1001\n");
        OwnerStore owners = OwnerStore.of(new Registry(root));
        RegistryEntry read = owners.entries().get(0);
        host.write("run/nvme/registry/nvme3/seqnum", "1207\n"); // a new connection on the recycled number
        assertThat(owners.remove(read)).isFalse();
        assertThat(owners.read(NVME3)).isEqualTo(new OwnerReading.Owned("discoverd"));
    }
}
