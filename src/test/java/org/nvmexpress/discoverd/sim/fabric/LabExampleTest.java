package org.nvmexpress.discoverd.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.DaemonConfigReader;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.exclusion.ExclusionLists;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.HostInterfaces;
import org.nvmexpress.discoverd.nbft.NbftParser;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** examples/lab (docs/simulate.md) validates and has every feature it is there to show. */
final class LabExampleTest {
    private static final Path LAB = Path.of("examples/lab");
    private static final Path ETC = LAB.resolve("etc/nvme");

    private static Fabric lab() throws FabricFileException {
        return FabricFile.read(LAB.resolve("fabric.json"));
    }

    @Test
    void fabricHasSixMultipathSubsystemsABootOneAnAnnouncedOneAndThreeDiscoveryControllers() throws Exception {
        Fabric lab = lab();

        assertThat(lab.ports()).hasSize(7);
        assertThat(lab.subsystems()).hasSize(8).filteredOn(s -> !s.nqn().endsWith(":vol7"))
                .allSatisfy(s -> assertThat(s.ports()).hasSize(2));
        assertThat(lab.subsystems()).extracting(Subsystem::nqn).filteredOn(n -> !n.endsWith(":boot")).hasSize(7);
        assertThat(lab.discoveryControllers()).extracting(DiscoveryController::name).containsExactly("dc1", "dc2", "cdc");
        assertThat(lab.discoveryController("dc1").orElseThrow().log())
                .contains(new LogEntry.Referral("dc2"), new LogEntry.Self(true));
    }

    @Test
    void theCdcIsAnnouncedOnEth0ForEverAndListsVol7Only() throws Exception {
        Fabric lab = lab();

        assertThat(lab.announcements()).containsExactly(new Announcement("cdc", "eth0", "NVMe CDC", Duration.ZERO,
                Optional.empty(), Announcement.defaultTxt("tcp", "nqn.2024-01.com.example:cdc")));
        assertThat(lab.browserRestarts()).isEmpty();
        assertThat(lab.discoveryController("cdc").orElseThrow().log()).containsExactly(new LogEntry.Self(true),
                new LogEntry.Ioc("nqn.2024-01.com.example:vol7", "a1"));
        // Only the announcement leads to the CDC: no configured DC, no page refers to it.
        assertThat(lab.discoveryControllers()).flatExtracting(DiscoveryController::log)
                .doesNotContain(new LogEntry.Referral("cdc"));
        assertThat(Files.readString(ETC.resolve("nvme-fabrics.conf"))).doesNotContain("192.168.100.6");
    }

    @Test
    void exactlyOnePortFlaps() throws Exception {
        assertThat(lab().ports()).filteredOn(p -> p.reachability().flapping().isPresent()).extracting(Port::name)
                .containsExactly("a2");
    }

    @Test
    void theChangeAt20sAddsOneIocToDc1AndRemovesAnother() throws Exception {
        Fabric lab = lab();
        LogChange change = lab.changes().get(0);
        Set<LogEntry> before = new HashSet<>(lab.discoveryController("dc1").orElseThrow().log());
        Set<LogEntry> after = new HashSet<>(change.log());

        assertThat(lab.changes()).hasSize(1);
        assertThat(change.at()).isEqualTo(Duration.ofSeconds(20));
        assertThat(change.discoveryController()).isEqualTo("dc1");
        assertThat(difference(after, before)).containsExactly(new LogEntry.Ioc("nqn.2024-01.com.example:vol3", "b2"));
        assertThat(difference(before, after)).containsExactly(new LogEntry.Ioc("nqn.2024-01.com.example:vol2", "b1"));
    }

    private static Set<LogEntry> difference(Set<LogEntry> a, Set<LogEntry> b) {
        Set<LogEntry> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    @Test
    void oneControllerIsPreconnectedByStas() throws Exception {
        assertThat(lab().preconnected())
                .containsExactly(new Preconnected("nqn.2024-01.com.example:vol6", "b1", Optional.of("stas")));
    }

    @Test
    void dc1IsConfiguredAndDc2OnlyReferred() throws Exception {
        Fabric lab = lab();
        FabricsConfig config = FabricsConfigLoader.load(ETC.resolve("nvme-fabrics.conf"));

        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.connections()).extracting(ResolvedConnection::role).containsExactly(Role.DC);
        TransportId configured = config.connections().get(0).tid().orElseThrow();
        Port d1 = lab.port(lab.discoveryController("dc1").orElseThrow().port()).orElseThrow();
        assertThat(List.of(configured.transport(), configured.traddr(), configured.trsvcid(), configured.nqn()))
                .containsExactly(d1.transport(), d1.traddr(), d1.trsvcid(), lab.discoveryController("dc1").orElseThrow().nqn());
        Port d2 = lab.port(lab.discoveryController("dc2").orElseThrow().port()).orElseThrow();
        assertThat(configured.traddr()).isNotEqualTo(d2.traddr());
    }

    @Test
    void daemonConfigEnablesNbftAndExclusionsExcludeOneSubsystem() throws Exception {
        DaemonConfigReader.Result daemon = DaemonConfigReader.read(ETC.resolve("nvme-discoverd.conf"), "nvme-discoverd.conf");
        assertThat(daemon.diagnostics()).isEmpty();
        assertThat(daemon.config().zeroconf()).isEqualTo(org.nvmexpress.discoverd.config.Zeroconf.AUTO);
        assertThat(daemon.config().nbft()).isTrue();

        String exclusions = Files.readString(ETC.resolve("exclusions.conf"));
        assertThat(ExclusionLists.check("exclusions.conf", exclusions)).isEmpty();
        ExclusionLists lists = new ExclusionLists(LAB);
        Fabric lab = lab();
        List<String> excluded = lab.subsystems().stream().filter(s -> s.ports().stream().anyMatch(p -> lists.match(
                TransportId.builder().transport("tcp").traddr(lab.port(p).orElseThrow().traddr())
                        .trsvcid(lab.port(p).orElseThrow().trsvcid())
                        .nqn(s.nqn()).build()).excluded())).map(Subsystem::nqn).toList();
        assertThat(excluded).containsExactly("nqn.2024-01.com.example:vol4");
    }

    @Test
    void bootPathGivesTheDaemonItsBootController(@TempDir Path root) throws Exception {
        Fabric lab = lab();
        String hostnqn = Files.readString(ETC.resolve("hostnqn")).strip();
        String hostid = Files.readString(ETC.resolve("hostid")).strip();

        byte[] table = BootTable.encode(lab, lab.boot().orElseThrow(), hostnqn, hostid);
        BootControllers boot = BootControllers.derive(List.of(NbftParser.parse("NBFT1", table)), new HostInterfaces(root));

        assertThat(boot.controllers()).singleElement().satisfies(c -> {
            assertThat(c.tid().canonical()).isEqualTo("transport=tcp;traddr=192.168.100.10;trsvcid=4420;"
                    + "nqn=nqn.2024-01.com.example:boot;host-traddr=192.168.100.2");
            assertThat(c.hostnqn()).isEqualTo(hostnqn);
            assertThat(c.hostid()).contains(hostid);
        });
    }
}
