package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

final class LiveControllerIndexTest {
    private static final String VOL1 = RecordedControllers.VOL1;
    private static final ConnectionIdentityMatcher MATCHER =
            new ConnectionIdentityMatcher(Optional.of(RecordedControllers.HOSTNQN));

    private static LiveController live(int instance, String transport, String traddr, String trsvcid,
            String subsysnqn, String cntrltype) {
        return new LiveController(new DeviceName("nvme" + instance), transport,
                new ControllerAddress(traddr, trsvcid, null, null, null, Map.of()), subsysnqn,
                RecordedControllers.HOSTNQN, null, cntrltype, "live", null);
    }

    private static TransportId tid(String canonical) {
        return TidParser.strict(canonical);
    }

    private static Optional<DeviceName> find(List<LiveController> controllers, String desired, Role role) {
        return LiveControllerIndex.of(MATCHER, controllers).find(tid(desired), role).map(LiveController::device);
    }

    @Test
    void ipv4MappedAndUncompressedSpellingsShareABucket() {
        List<LiveController> controllers = List.of(
                live(1, "tcp", "::ffff:192.168.1.20", "4420", VOL1, "io"),
                live(2, "tcp", "2001:DB8:0:0::20", "4420", VOL1, "io"));
        assertThat(find(controllers, "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + VOL1, Role.IOC))
                .contains(new DeviceName("nvme1"));
        assertThat(find(controllers, "transport=tcp;traddr=2001:db8::20;trsvcid=4420;nqn=" + VOL1, Role.IOC))
                .contains(new DeviceName("nvme2"));
    }

    @Test
    void unsetTrsvcidIsTheRolesDefault() {
        List<LiveController> controllers = List.of(
                live(1, "tcp", "192.168.1.20", "4420", VOL1, "io"),
                live(2, "tcp", "192.168.1.20", "08009", VOL1, "discovery"));
        String desired = "transport=tcp;traddr=192.168.1.20;nqn=" + VOL1;
        assertThat(find(controllers, desired, Role.IOC)).contains(new DeviceName("nvme1"));
        assertThat(find(controllers, desired, Role.DC)).contains(new DeviceName("nvme2"));
    }

    @Test
    void fcWwnsMatchWhateverTheirCaseAndPadding() {
        List<LiveController> controllers = List.of(
                live(1, "fc", "NN-0X1:PN-0X2", null, VOL1, "io"),
                live(2, "fc", "nn-20000090FA942779:pn-10000090fa942779", null, VOL1, "io"));
        assertThat(find(controllers, "transport=fc;traddr=nn-0x1:pn-0x2;nqn=" + VOL1, Role.IOC))
                .contains(new DeviceName("nvme1"));
        assertThat(find(controllers, "transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa942779;nqn="
                + VOL1, Role.IOC)).contains(new DeviceName("nvme2"));
    }

    @Test
    void wellKnownDiscoveryNqnFindsAUniqueDiscoveryController() {
        List<LiveController> controllers = List.of(
                live(1, "tcp", "192.168.1.30", "8009", VOL1, "io"),
                live(2, "tcp", "192.168.1.30", "8009", RecordedControllers.UNIQUE_DC_NQN, "discovery"));
        assertThat(find(controllers, "transport=tcp;traddr=192.168.1.30;nqn=" + RecordedControllers.WELL_KNOWN,
                Role.DC)).contains(new DeviceName("nvme2"));
    }

    @Test
    void firstInInstanceOrderWinsAcrossBuckets() {
        // No NQN wanted: both buckets of the address are candidates; nvme3 comes before nvme7.
        List<LiveController> controllers = List.of(
                live(3, "tcp", "192.168.1.20", "4420", "nqn.2014-08.com.example:storage.vol2", "io"),
                live(7, "tcp", "192.168.1.20", "4420", VOL1, "io"));
        LiveControllerIndex index = LiveControllerIndex.of(MATCHER, controllers);
        TransportId desired = tid("transport=tcp;traddr=192.168.1.20;trsvcid=4420");
        assertThat(index.find(desired, Role.IOC)).contains(controllers.get(0));
        assertThat(index.findAll(desired, Role.IOC)).containsExactlyElementsOf(controllers);
    }

    @Test
    void desiredWithoutAnAddressIsComparedWithEveryController() {
        List<LiveController> controllers = List.of(
                live(1, "tcp", "192.168.1.20", "4420", "nqn.2014-08.com.example:storage.vol2", "io"),
                live(2, "rdma", "10.0.0.20", "4420", VOL1, "io"));
        assertThat(find(controllers, "nqn=" + VOL1, Role.IOC)).contains(new DeviceName("nvme2"));
    }

    @Test
    void nothingMatchesInAnEmptyOrForeignIndex() {
        assertThat(find(List.of(), "transport=tcp;traddr=192.168.1.20;nqn=" + VOL1, Role.IOC)).isEmpty();
        List<LiveController> controllers = List.of(live(1, "tcp", "192.168.1.21", "4420", VOL1, "io"));
        assertThat(find(controllers, "transport=tcp;traddr=192.168.1.20;nqn=" + VOL1, Role.IOC)).isEmpty();
        assertThat(LiveControllerIndex.of(MATCHER, controllers).size()).isEqualTo(1);
    }

    @Test
    void indexRefusesNulls() {
        assertThatThrownBy(() -> LiveControllerIndex.of(null, List.of())).hasMessage("matcher");
        LiveControllerIndex index = LiveControllerIndex.of(MATCHER, List.of());
        assertThatThrownBy(() -> index.find(null, Role.IOC)).hasMessage("desired");
    }
}
