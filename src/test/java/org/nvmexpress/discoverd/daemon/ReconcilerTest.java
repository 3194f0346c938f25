package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;

final class ReconcilerTest {
    private static final String VOL1 = Candidates.VOL1;
    private static final Instant STATE_WRITTEN = Instant.parse("2025-01-01T10:00:00Z");
    private static final DeviceName NVME3 = new DeviceName("nvme3");
    private static final Candidate IOC = Candidates.configured("transport=tcp;traddr=192.168.1.20;nqn=" + VOL1,
            Role.IOC, 10);
    private static final Candidate DC = Candidates.configured("transport=tcp;traddr=192.168.1.30;nqn="
            + Candidates.WELL_KNOWN, Role.DC, 5);

    @TempDir
    Path root;

    private HostTree host() {
        return new HostTree(root);
    }

    private static DesiredSet desired(Candidate... candidates) {
        return new DesiredSet(List.of(candidates), List.of(), List.of());
    }

    @Test
    void nothingLiveStartsEveryCandidateInDesiredOrder() {
        List<Decision> plan = Reconciler.plan(desired(DC, IOC), host().snapshot(), Set.of());

        assertThat(plan).containsExactly(new Decision.Start(DC), new Decision.Start(IOC));
    }

    /** §15 item 10: sysfs spells the same connection differently; the matcher still finds it. */
    @Test
    void item10SysfsSpellingsOfTheSameConnectionAreAdopted() {
        Candidate implicitPort = Candidates.boot("transport=tcp;traddr=192.168.1.21;nqn=" + VOL1, Role.IOC,
                HostTree.HOSTNQN);
        Candidate mapped = Candidates.configured("transport=tcp;traddr=127.0.0.1;nqn=" + VOL1, Role.IOC, 20);
        Candidate pinned = Candidates.configured("transport=tcp;traddr=192.168.1.22;host-traddr=192.168.1.5;nqn="
                + VOL1, Role.IOC, 21);
        HostSnapshot snapshot = host()
                .controller("nvme1", "tcp", "traddr=192.168.1.21,trsvcid=4420,src_addr=192.168.1.5", VOL1, "io")
                .controller("nvme2", "tcp", "traddr=::ffff:127.0.0.1,trsvcid=4420", VOL1, "io")
                .controller("nvme3", "tcp", "traddr=192.168.1.22,trsvcid=4420,src_addr=192.168.1.5", VOL1, "io")
                .owner("nvme1", "nbft").snapshot();

        List<Decision> plan = Reconciler.plan(desired(implicitPort, mapped, pinned), snapshot, Set.of());

        assertThat(plan).containsExactly(
                new Decision.Adopt(implicitPort, new DeviceName("nvme1"), Optional.empty()),
                new Decision.Adopt(mapped, new DeviceName("nvme2"), Optional.of("discoverd")),
                new Decision.Adopt(pinned, NVME3, Optional.of("discoverd")));
    }

    /** §15 item 10: an unset host NQN is the system default, not any host NQN. */
    @Test
    void item10DefaultHostnqnIsTheSystemOneNotAnyOther() {
        String other = "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000001";
        HostSnapshot snapshot = host().controller("nvme1", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io",
                other, "live").snapshot();

        assertThat(Reconciler.plan(desired(IOC), snapshot, Set.of())).containsExactly(new Decision.Start(IOC));
    }

    /** §15 item 11: the owner check sees the live controller, so idempotent connect never takes it over. */
    @Test
    void item11ForeignOwnedMatchingControllerIsHandedOffNotTakenOver() {
        HostSnapshot snapshot = host()
                .controller("nvme4", "tcp", "traddr=::FFFF:192.168.1.20,trsvcid=4420,src_addr=::ffff:192.168.1.5", VOL1, "io")
                .owner("nvme4", "stas").snapshot();

        assertThat(Reconciler.plan(desired(IOC), snapshot, Set.of())).containsExactly(
                Decision.Skip.of(IOC, SkipReason.FOREIGN_OWNER, "owned by stas (nvme4)", Optional.empty()));
    }

    @Test
    void stateFileOfTheSameConnectionAdoptsFirstWithoutExclusionCheck() {
        HostSnapshot snapshot = host()
                .controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .owner("nvme3", "discoverd").registryWritten("nvme3", STATE_WRITTEN.minusSeconds(1))
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).devid(IOC.unit(), "nvme3")
                .exclusions("[exclusions]\nexclusion = traddr=192.168.1.20\n").snapshot();

        List<Decision> plan = Reconciler.plan(desired(DC, IOC), snapshot, Set.of());

        assertThat(plan).containsExactly(
                new Decision.Adopt(IOC, NVME3, Optional.empty(),
                        Optional.of("adopted from the runtime state (controllers/nvme3/unit)")),
                new Decision.Start(DC));
    }

    /** §15 item 31: the kernel gave the instance number to another connection while we were down. */
    @Test
    void item31RecycledInstanceIsNotAdoptedUnderTheOldUnit() {
        HostSnapshot snapshot = host()
                .controller("nvme3", "tcp", "traddr=192.168.1.99,trsvcid=4420", "nqn.2014-08.com.example:other", "io")
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).snapshot();

        List<Decision> plan = Reconciler.plan(desired(IOC), snapshot, Set.of());

        assertThat(plan).containsExactly(new Decision.Start(IOC, Optional.of("recycled instance: "
                + "controllers/nvme3/unit names this unit, but nvme3 is another connection (traddr: desired "
                + "'192.168.1.20', live '192.168.1.99'); not adopted")));
    }

    @Test
    void item31DevidNamingAnotherDeviceIsNotBelievedAndTheGateDecides() {
        HostSnapshot snapshot = host()
                .controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .owner("nvme3", "discoverd")
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).devid(IOC.unit(), "nvme7")
                .exclusions("[exclusions]\nexclusion = traddr=192.168.1.20\n").snapshot();

        List<Decision> plan = Reconciler.plan(desired(IOC), snapshot, Set.of());

        assertThat(plan).singleElement().isInstanceOfSatisfying(Decision.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo(SkipReason.EXCLUDED);
            assertThat(skip.note()).contains("recycled instance: controllers/nvme3/unit names this unit, but units/"
                    + IOC.unit().devidFileName() + " names nvme7; not adopted");
        });
    }

    @Test
    void item31RegistryRewrittenByAnotherOwnerAfterTheStateIsARecycledInstance() {
        HostSnapshot snapshot = host()
                .controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .owner("nvme3", "stas").registryWritten("nvme3", STATE_WRITTEN.plusSeconds(60))
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).snapshot();

        List<Decision> plan = Reconciler.plan(desired(IOC), snapshot, Set.of());

        assertThat(plan).containsExactly(Decision.Skip.of(IOC, SkipReason.FOREIGN_OWNER, "owned by stas (nvme3)",
                Optional.of("recycled instance: the registry entry of nvme3 (owner stas) was written after "
                        + "controllers/nvme3/unit; not adopted")));
    }

    @Test
    void stateFileOfAGoneDeviceLeadsToAStart() {
        HostSnapshot snapshot = host().stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).snapshot();

        assertThat(Reconciler.plan(desired(IOC), snapshot, Set.of())).containsExactly(new Decision.Start(IOC,
                Optional.of("controllers/nvme3/unit names this unit, but nvme3 is gone")));
    }

    @Test
    void stateFileWithoutOwnerAdoptsAndRecordsOne() {
        HostSnapshot snapshot = host().controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).snapshot();

        assertThat(Reconciler.plan(desired(IOC), snapshot, Set.of())).singleElement()
                .isInstanceOfSatisfying(Decision.Adopt.class,
                        adopt -> assertThat(adopt.recordOwner()).contains("discoverd"));
    }

    @Test
    void deviceBeingDeletedIsNotLive() {
        HostSnapshot snapshot = host().controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io",
                HostTree.HOSTNQN, "deleting").snapshot();

        assertThat(Reconciler.plan(desired(IOC), snapshot, Set.of())).containsExactly(new Decision.Start(IOC));
    }

    @Test
    void alreadyTrackedUnitsGetNoDecision() {
        HostSnapshot snapshot = host().controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).snapshot();

        assertThat(Reconciler.plan(desired(DC, IOC), snapshot, Set.of(IOC.unit(), DC.unit()))).isEmpty();
    }

    @Test
    void unusableInputAndUnresolvedNamesComeLast() {
        Decision.Skip bad = Decision.Skip.unusable(Optional.empty(), "/etc/nvme/nvme-fabrics.conf:3: bad");
        ResolvedConnection named = TestConnections.dc("/etc/nvme/nvme-fabrics.conf", 7, "cdc.example.com");
        DesiredSet desired = new DesiredSet(List.of(IOC), List.of(bad),
                List.of(new PendingName(named, "cdc.example.com", "Name or service not known")));

        List<Decision> plan = Reconciler.plan(desired, host().snapshot(), Set.of());

        assertThat(plan).containsExactly(new Decision.Start(IOC), bad,
                new Decision.Skip(Role.DC, Optional.empty(), Optional.empty(), SkipReason.UNUSABLE,
                        "/etc/nvme/nvme-fabrics.conf:7: host name cdc.example.com does not resolve yet: "
                                + "Name or service not known"));
    }

    @Test
    void everyCandidateGetsExactlyOneDecision() {
        Candidate other = Candidates.configured("transport=tcp;traddr=192.168.1.20;trsvcid=4421;nqn=" + VOL1,
                Role.IOC, 11);
        HostSnapshot snapshot = host()
                .controller("nvme3", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .controller("nvme5", "tcp", "traddr=192.168.1.20,trsvcid=4420", VOL1, "io")
                .stateUnit("nvme3", IOC.unit(), STATE_WRITTEN).stateUnit("nvme5", IOC.unit(), STATE_WRITTEN)
                .snapshot();

        List<Decision> plan = Reconciler.plan(desired(IOC, other), snapshot, Set.of());

        assertThat(plan).hasSize(2);
        assertThat(plan.get(0)).isEqualTo(new Decision.Adopt(IOC, NVME3, Optional.of("discoverd"),
                Optional.of("adopted from the runtime state (controllers/nvme3/unit)")));
        assertThat(plan.get(1)).isEqualTo(new Decision.Start(other));
        assertThat(TidParser.strict("transport=tcp;traddr=192.168.1.20;trsvcid=4421;nqn=" + VOL1).unitName())
                .isEqualTo(other.unit());
    }
}
