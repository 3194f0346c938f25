package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

final class BootControllerTest {
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9";
    private static final TransportId TID = TidParser.strict("transport=tcp;traddr=192.168.49.10;trsvcid=4420;"
            + "nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer.vagrant-nvmet.subsys02;host-traddr=192.168.49.50");

    private static BootController controller(TransportId tid, Optional<String> hostid, Optional<String> iface) {
        return new BootController(Role.IOC, tid, HOSTNQN, hostid, iface, "NBFT", "NBFT SSNS 1 via HFI 1");
    }

    @Test
    void unitNameIsTheHashOfTheTidAlone() {
        BootController c = controller(TID, Optional.of("e359b7a1-5d03-7747-b3cc-1754b8b819b9"), Optional.of("eth0"));

        assertThat(c.unitName().value()).isEqualTo("nvme-discoverd-7b558b165f2b.service");
        assertThat(c.owner()).isEqualTo("nbft");
    }

    @Test
    void connectOptionsAreHostnqnThenHostidThenHostIface() {
        assertThat(controller(TID, Optional.of("e359b7a1-5d03-7747-b3cc-1754b8b819b9"), Optional.of("eth0.100"))
                .connectOptions()).containsExactly("--hostnqn=" + HOSTNQN, "--hostid=e359b7a1-5d03-7747-b3cc-1754b8b819b9",
                        "--host-iface=eth0.100");
        assertThat(controller(TID, Optional.empty(), Optional.empty()).connectOptions())
                .isEqualTo(List.of("--hostnqn=" + HOSTNQN));
    }

    @Test
    void sameConnectOptionsComparesHostAndInterface() {
        BootController eth0 = controller(TID, Optional.of("id"), Optional.of("eth0"));

        assertThat(eth0.sameConnectOptions(controller(TID, Optional.of("id"), Optional.of("eth0")))).isTrue();
        assertThat(eth0.sameConnectOptions(controller(TID, Optional.of("id"), Optional.of("eth1")))).isFalse();
        assertThat(eth0.sameConnectOptions(controller(TID, Optional.empty(), Optional.of("eth0")))).isFalse();
    }

    @Test
    void connectOptionsInTheTidAreRejected() {
        for (TransportId tid : List.of(TID.toBuilder().hostIface("eth0").build(), TID.toBuilder().hostnqn(HOSTNQN).build(),
                TID.withIdentity(null, HOSTNQN, null))) {
            assertThatThrownBy(() -> controller(tid, Optional.empty(), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("host-iface, hostnqn and hostid are connect options, not TID fields: " + tid.canonical());
        }
    }
}
