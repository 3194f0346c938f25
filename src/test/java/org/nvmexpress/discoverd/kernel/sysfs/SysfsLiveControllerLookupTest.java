package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.TidParser;

final class SysfsLiveControllerLookupTest {
    private static final String NQN = "nqn.2024-01.com.example:vol1";
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555";

    @TempDir
    Path root;

    private void controller(String name, String transport, String address, String subsysnqn, String hostnqn,
            String state) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/nvme").resolve(name));
        Files.writeString(dir.resolve("transport"), transport + "\n");
        Files.writeString(dir.resolve("address"), address + "\n");
        Files.writeString(dir.resolve("subsysnqn"), subsysnqn + "\n");
        if (hostnqn != null) {
            Files.writeString(dir.resolve("hostnqn"), hostnqn + "\n");
        }
        if (state != null) {
            Files.writeString(dir.resolve("state"), state + "\n");
        }
    }

    private Optional<DeviceName> find(String tid) throws IOException {
        return find(tid, ConnectIdentity.none());
    }

    private Optional<DeviceName> find(String tid, ConnectIdentity identity) throws IOException {
        return SysfsLiveControllerLookup.under(root).find(TidParser.strict(tid), identity);
    }

    @Test
    void findMatchesATcpControllerByAddressNotSpelling() throws Exception {
        controller("nvme0", "pcie", "0000:00:04.0", "nqn.2019-08.org.qemu:deadbeef", null, "live");
        controller("nvme4", "tcp", "traddr=2001:db8::10,trsvcid=4420,src_addr=2001:db8::5", NQN, HOSTNQN, "live");

        assertThat(find("transport=tcp;traddr=2001:DB8:0::10;trsvcid=4420;nqn=" + NQN))
                .contains(new DeviceName("nvme4"));
    }

    @Test
    void findTakesTheKernelsDefaultPortWhenTheTidHasNone() throws Exception {
        // nvme-tcp connects to 8009 (NVME_TCP_DISC_PORT) when no trsvcid is given.
        controller("nvme1", "tcp", "traddr=10.0.0.9,trsvcid=8009", NQN, null, null);

        assertThat(find("transport=tcp;traddr=10.0.0.9;nqn=" + NQN)).contains(new DeviceName("nvme1"));
        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).isEmpty();
    }

    @Test
    void findComparesTransportNqnAndAddress() throws Exception {
        controller("nvme1", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, null, "live");

        assertThat(find("transport=rdma;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).isEmpty();
        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2024-01.com.example:vol2")).isEmpty();
        assertThat(find("transport=tcp;traddr=10.0.0.8;trsvcid=4420;nqn=" + NQN)).isEmpty();
    }

    @Test
    void findChecksHostAddressAndInterfaceOnlyWhenTheTidSetsThem() throws Exception {
        controller("nvme2", "tcp", "traddr=10.0.0.9,trsvcid=4420,host_traddr=10.0.0.1,host_iface=eth1", NQN, null,
                "live");

        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).contains(new DeviceName("nvme2"));
        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN + ";host-traddr=::ffff:10.0.0.1;"
                + "host-iface=eth1")).contains(new DeviceName("nvme2"));
        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN + ";host-iface=eth0")).isEmpty();
        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN + ";host-traddr=10.0.0.2")).isEmpty();
    }

    @Test
    void findComparesFcAddressesIgnoringCase() throws Exception {
        controller("nvme3", "fc", "traddr=nn-0x20000090FA942779:pn-0x10000090FA942779,"
                + "host_traddr=nn-0x20000090fa942780:pn-0x10000090fa942780", NQN, null, "live");

        assertThat(find("transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa942779;nqn=" + NQN))
                .contains(new DeviceName("nvme3"));
    }

    @Test
    void findComparesTheHostNqnWhenBothAreKnown() throws Exception {
        controller("nvme1", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, HOSTNQN, "live");
        String tid = "transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN;

        assertThat(find(tid, new ConnectIdentity(Optional.of(HOSTNQN), Optional.empty())))
                .contains(new DeviceName("nvme1"));
        assertThat(find(tid, new ConnectIdentity(Optional.of("nqn.2014-08.org.example:other"), Optional.empty())))
                .isEmpty();
    }

    @Test
    void findSkipsControllersBeingDeleted() throws Exception {
        controller("nvme1", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, null, "deleting");
        controller("nvme7", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, null, "connecting");

        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).contains(new DeviceName("nvme7"));
    }

    @Test
    void findReturnsTheLowestInstanceFirst() throws Exception {
        controller("nvme10", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, null, "live");
        controller("nvme9", "tcp", "traddr=10.0.0.9,trsvcid=4420", NQN, null, "live");

        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).contains(new DeviceName("nvme9"));
    }

    @Test
    void findSkipsForeignAndIncompleteEntries() throws Exception {
        Files.createDirectories(root.resolve("sys/class/nvme/nvme5")); // gone while we looked
        Files.createDirectories(root.resolve("sys/class/nvme/nvme-fabrics"));
        controller("nvme6", "tcp", "garbage\u0000,,=", NQN, null, "live");

        assertThat(find("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=" + NQN)).isEmpty();
    }

    @Test
    void findWithoutNvmeClassIsEmpty() throws Exception {
        assertThat(find("transport=tcp;traddr=10.0.0.9;nqn=" + NQN)).isEmpty();
    }
}
