package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerAddress;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;

final class ConnectGateTest {
    private static final Candidate IOC = Candidates.configured(
            "transport=tcp;traddr=192.168.1.20;nqn=" + Candidates.VOL1, Role.IOC, 12);
    private static final Candidate BOOT = Candidates.boot(
            "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + Candidates.VOL1, Role.IOC, HostTree.HOSTNQN);
    private static final LiveController NVME4 = new LiveController(new DeviceName("nvme4"), "tcp",
            ControllerAddress.parse("traddr=192.168.1.20,trsvcid=4420").address(), Candidates.VOL1,
            HostTree.HOSTNQN, HostTree.HOSTID, "io", "live", null);
    private static final OwnerReading NONE = new OwnerReading.None();

    @TempDir
    Path root;

    @Test
    void nothingLiveStarts() {
        assertThat(ConnectGate.decide(IOC, Optional.empty(), NONE, ExclusionView.NONE))
                .isEqualTo(new Decision.Start(IOC));
    }

    @Test
    void exclusionEntrySkipsWithFileLineAndEntry() {
        new HostTree(root).exclusions("[exclusions]\n# lab\nexclusion = traddr=192.168.1.20\n");
        ExclusionLists lists = new ExclusionLists(root);

        Decision decision = ConnectGate.decide(IOC, Optional.of(NVME4), NONE, lists::match);

        assertThat(decision).isEqualTo(Decision.Skip.of(IOC, SkipReason.EXCLUDED, "excluded by "
                + root.resolve("etc/nvme/exclusions.conf") + ":3: traddr=192.168.1.20", Optional.empty()));
    }

    @Test
    void bootCandidateIsExemptFromExclusions() {
        new HostTree(root).exclusions("[exclusions]\nexclusion = traddr=192.168.1.20\n");
        ExclusionLists lists = new ExclusionLists(root);

        assertThat(ConnectGate.decide(BOOT, Optional.empty(), NONE, lists::match)).isEqualTo(new Decision.Start(BOOT));
    }

    @Test
    void foreignOwnerSkipsNamingOwnerAndDevice() {
        Decision decision = ConnectGate.decide(IOC, Optional.of(NVME4), new OwnerReading.Owned("stas"),
                ExclusionView.NONE);

        assertThat(decision).isEqualTo(Decision.Skip.of(IOC, SkipReason.FOREIGN_OWNER, "owned by stas (nvme4)",
                Optional.empty()));
    }

    @Test
    void unreadableRegistryFailsClosed() {
        Decision decision = ConnectGate.decide(IOC, Optional.of(NVME4), new OwnerReading.Unreadable("EIO"),
                ExclusionView.NONE);

        assertThat(decision).isInstanceOfSatisfying(Decision.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo(SkipReason.OWNER_UNREADABLE);
            assertThat(skip.detail()).isEqualTo("registry owner of nvme4 unreadable: EIO");
        });
    }

    @Test
    void ownedByUsAdoptsWithoutRecordingAnOwner() {
        assertThat(ConnectGate.decide(IOC, Optional.of(NVME4), new OwnerReading.Owned("nbft"), ExclusionView.NONE))
                .isEqualTo(new Decision.Adopt(IOC, NVME4.device(), Optional.empty()));
        assertThat(ConnectGate.decide(IOC, Optional.of(NVME4), new OwnerReading.Owned("discoverd"),
                ExclusionView.NONE)).isEqualTo(new Decision.Adopt(IOC, NVME4.device(), Optional.empty()));
    }

    @Test
    void unownedAdoptionRecordsDiscoverdOrNbft() {
        assertThat(ConnectGate.decide(IOC, Optional.of(NVME4), NONE, ExclusionView.NONE))
                .isEqualTo(new Decision.Adopt(IOC, NVME4.device(), Optional.of("discoverd")));
        assertThat(ConnectGate.decide(BOOT, Optional.of(NVME4), NONE, ExclusionView.NONE))
                .isEqualTo(new Decision.Adopt(BOOT, NVME4.device(), Optional.of("nbft")));
    }

    @Test
    void exclusionIsCheckedBeforeTheOwner() {
        ExclusionView all = new ExclusionLists(new HostTree(root)
                .exclusions("[exclusions]\nexclusion = nqn=" + Candidates.VOL1 + "\n").root())::match;

        Decision decision = ConnectGate.decide(IOC, Optional.of(NVME4), new OwnerReading.Owned("stas"), all);

        assertThat(decision).isInstanceOfSatisfying(Decision.Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo(SkipReason.EXCLUDED));
    }

    @Test
    void snapshotOverloadFindsTheLiveControllerThroughTheMatcher() {
        HostSnapshot host = new HostTree(root)
                .controller("nvme4", "tcp", "traddr=192.168.1.20,trsvcid=4420,src_addr=192.168.1.5",
                        Candidates.VOL1, "io")
                .owner("nvme4", "stas").snapshot();

        assertThat(ConnectGate.decide(IOC, host)).isEqualTo(Decision.Skip.of(IOC, SkipReason.FOREIGN_OWNER,
                "owned by stas (nvme4)", Optional.empty()));
        assertThat(host.live()).extracting(LiveController::device).containsExactly(new DeviceName("nvme4"));
        assertThat(List.of(host.ownerOf(new DeviceName("nvme9")))).containsExactly(NONE);
    }
}
