package org.nvmexpress.discoverd.nbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor.Kind;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * The boot controllers of the firmware tables in {@code ../shared/fixtures/nbft/tables}, written
 * out in full, and how they compare with what the C daemon derives (reference Appendix A.2).
 */
final class BootControllersTest {
    private static final String STATIC_HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:a1b759e3-035d-4777-b3cc-1754b8b819b9";
    private static final String STATIC_HOSTID = "e359b7a1-5d03-7747-b3cc-1754b8b819b9";

    @TempDir
    Path root;

    private BootControllers derive(String... names) throws NbftParseException {
        NbftFixtures.assumePresent(NbftFixtures.TABLES);
        List<NbftTable> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(NbftReader.read(NbftFixtures.TABLES.resolve(name)));
        }
        return BootControllers.derive(tables, new HostInterfaces(root));
    }

    private static String table(String name) {
        return NbftFixtures.TABLES.resolve(name).toString();
    }

    /**
     * The C daemon derives two controllers here (Appendix A.2): this IOC, with the same unit, and a
     * DC {@code transport=tcp;traddr=192.168.49.10;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress.discovery;
     * host-traddr=192.168.49.50} ({@code nvme-discoverd-2cbbfdf4af2f.service}). connect-all does not
     * connect that DC: the SSNS links to it, so the firmware already found what it serves. The C
     * daemon also connects with the system's host NQN and ID, we with the table's: connect options,
     * so the unit stays the same. The host interface is found by the HFI's MAC.
     */
    @Test
    void staticIpv4DiscoveryGivesItsIoControllerOnly() throws Exception {
        Path eth0 = Files.createDirectories(root.resolve("sys/class/net/eth0"));
        Files.writeString(eth0.resolve("address"), "52:54:00:b8:19:b9\n");
        String name = "NBFT-static-ipv4-discovery";

        BootControllers derived = derive(name);

        assertThat(derived.controllers()).containsExactly(new BootController(Role.IOC, TidParser.strict(
                "transport=tcp;traddr=192.168.49.10;trsvcid=4420;nqn=nqn.2022-12.org.nvmexpress.boot.poc:bremer"
                        + ".vagrant-nvmet.subsys02;host-traddr=192.168.49.50"),
                STATIC_HOSTNQN, Optional.of(STATIC_HOSTID), Optional.of("eth0"), table(name), name + " SSNS 1 via HFI 1"));
        assertThat(derived.controllers().get(0).unitName().value()).isEqualTo("nvme-discoverd-7b558b165f2b.service");
        assertThat(derived.skipped()).containsExactly(new SkippedDescriptor(table(name), name + " DD 1",
                SkippedDescriptor.Kind.REFERENCED, "referenced by SSNS 1"));
    }

    @Test
    void emptyTableGivesNothing() throws Exception {
        BootControllers derived = derive("NBFT-empty");

        assertThat(derived.controllers()).isEmpty();
        assertThat(derived.skipped()).isEmpty();
        assertThat(derived.isEmpty()).isTrue();
    }

    /**
     * Every SSNS links security profile 1, so none is connected; the C daemon would connect two IOCs
     * (SSNS 1 and 2 are one subsystem) and the DC, unauthenticated.
     */
    @Test
    void synthetic2hfi3ssnsDiscSecIsAllSecurityProfiles() throws Exception {
        String name = "NBFT-synthetic-2hfi-3ssns-disc-sec";

        BootControllers derived = derive(name);

        assertThat(derived.controllers()).isEmpty();
        assertThat(derived.skipped()).extracting(SkippedDescriptor::toString).containsExactly(
                name + " SSNS 1: security profile 1 unsupported",
                name + " SSNS 2: security profile 1 unsupported",
                name + " SSNS 3: security profile 1 unsupported",
                name + " DD 1: referenced by SSNS 1");
    }

    /**
     * Two namespaces of one subsystem: one controller, as the C daemon starts it once too. Its host
     * ID is the raw bytes in order, which differ from the NQN's UUID in the first three groups.
     */
    @Test
    void dellR660SingleGivesOneControllerForItsTwoNamespaces() throws Exception {
        String name = "NBFT-Dell.PowerEdge.R660-fw1.5.5-single";

        BootControllers derived = derive(name);

        assertThat(derived.controllers()).containsExactly(new BootController(Role.IOC, TidParser.strict(
                "transport=tcp;traddr=172.18.240.60;trsvcid=4420;nqn=nqn.1988-11.com.dell:powerstore:00:"
                        + "88b402df2d762AA7AF94;host-traddr=172.18.240.1"),
                "nqn.2014-08.org.nvmexpress:uuid:4c4c4544-0044-4410-8030-b8c04f445833",
                Optional.of("44454c4c-4400-1044-8030-b8c04f445833"), Optional.empty(), table(name),
                name + " SSNS 1 via HFI 1"));
        assertThat(derived.controllers().get(0).unitName().value()).isEqualTo("nvme-discoverd-efb00588caf6.service");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::toString)
                .containsExactly(name + " SSNS 2 via HFI 1: duplicate of " + name + " SSNS 1 via HFI 1");
    }

    /**
     * Appendix A.2 lists the C daemon's units for this table; its IOCs are connect-all's too. In the
     * shared fixtures the file is the text of a symlink into libnvme's tree, so this mostly skips.
     */
    @Test
    void dellR760KeepsTheCDaemonsIoControllerUnits() throws Exception {
        Path file = NbftFixtures.TABLES.resolve("NBFT-Dell.PowerEdge.R760");
        NbftFixtures.assumePresent(NbftFixtures.TABLES);
        assumeTrue(Files.size(file) >= NbftParser.MIN_SIZE, () -> file + " is not a table (an unresolved symlink's text)");

        BootControllers derived = derive("NBFT-Dell.PowerEdge.R760");

        assertThat(derived.controllers()).filteredOn(c -> c.role() == Role.IOC).extracting(c -> c.unitName().value())
                .containsExactly("nvme-discoverd-78af4f0747c8.service", "nvme-discoverd-11de03b2ca17.service");
    }

    /** Two tables: each table's I/O controllers, then its discovery controllers; a repeat is a duplicate. */
    @Test
    void tablesAreDerivedInOrder() throws Exception {
        BootControllers derived = derive("NBFT-dhcp-ipv4", "NBFT-static-ipv4", "NBFT-static-ipv4-discovery");

        assertThat(derived.controllers()).extracting(BootController::source)
                .containsExactly("NBFT-dhcp-ipv4 SSNS 1 via HFI 1", "NBFT-static-ipv4 SSNS 1 via HFI 1");
        assertThat(derived.skipped()).extracting(SkippedDescriptor::toString).containsExactly(
                "NBFT-dhcp-ipv4 DD 1: referenced by SSNS 1",
                "NBFT-static-ipv4-discovery SSNS 1 via HFI 1: duplicate of NBFT-static-ipv4 SSNS 1 via HFI 1",
                "NBFT-static-ipv4-discovery DD 1: referenced by SSNS 1");
    }

    @Test
    void aTidMayAppearOnlyOnce() {
        BootController c = new BootController(Role.IOC, TidParser.strict("transport=tcp;traddr=192.0.2.1;trsvcid=4420"),
                "nqn.h", Optional.empty(), Optional.empty(), "NBFT", "NBFT SSNS 1 via HFI 1");

        assertThatThrownBy(() -> new BootControllers(List.of(c, c), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TID appears twice (one TID is one unit): transport=tcp;traddr=192.0.2.1;trsvcid=4420");
    }

    @Test
    void ownerOfEveryBootControllerIsNbft() throws IOException, NbftParseException {
        assertThat(BootControllers.OWNER).isEqualTo("nbft");
        assertThat(derive("NBFT-static-ipv4").controllers()).extracting(BootController::owner).containsExactly("nbft");
    }

    private BootControllers deriveWide(byte[] table) throws NbftParseException {
        return BootControllers.derive(List.of(NbftParser.parse("/t/NBFT", table)), new HostInterfaces(root));
    }

    /** Fuzzing found this: 255 HFIs × 255 SSNS sharing one 64 KiB NQN built 65,025 TIDs of 128 KiB. */
    @Test
    void anNqnLongerThanNqnsMayBeSkipsItsSsnsOnceWithoutAController() throws Exception {
        BootControllers derived = deriveWide(WideTable.build(255, 255, WideTable.nqn(WideTable.LONGEST_STRING)));
        assertThat(derived.controllers()).isEmpty();
        assertThat(derived.skipped()).hasSize(255).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Kind.TOO_LONG))
                .first().hasToString("NBFT SSNS 1: NQN is 65535 bytes, longer than the 223 it may have");
    }

    @Test
    void pastTheControllerLimitOneEntryCountsWhatWasLeftOut() throws Exception {
        BootControllers derived = deriveWide(WideTable.build(255, 255, WideTable.nqn(223)));
        assertThat(derived.controllers()).hasSize(BootControllerDeriver.MAX_CONTROLLERS)
                .last().satisfies(c -> assertThat(c.source()).isEqualTo("NBFT SSNS 17 via HFI 16"));
        assertThat(derived.skipped()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.LIMIT);
            assertThat(s).hasToString("NBFT SSNS 17 via HFI 17: this and 60928 more records left out: at most 4096"
                    + " boot controllers are derived");
        });
    }

    @Test
    void pastTheSkippedLimitOneEntryCountsWhatWasNotListed() throws Exception {
        BootControllers derived = deriveWide(WideTable.build(65, 65, WideTable.nqn(64), false));
        assertThat(derived.controllers()).hasSize(1);
        assertThat(derived.skipped()).hasSize(BootControllerDeriver.MAX_SKIPPED + 1);
        assertThat(derived.skipped().get(BootControllerDeriver.MAX_SKIPPED)).satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.LIMIT);
            assertThat(s.reason()).isEqualTo("this and " + (65 * 65 - 1 - BootControllerDeriver.MAX_SKIPPED - 1)
                    + " more skipped descriptors not listed: only the first 4096 are");
        });
    }

    @Test
    void aHostNqnLongerThanNqnsMayGivesNoControllerFromItsTable() throws Exception {
        byte[] table = new NbftTableWriter().host(WideTable.nqn(224), new byte[16], NbftTableWriter.VALID)
                .hfi(new HfiSpec(1).ip("10.0.0.1", 24))
                .ssns(new SsnsSpec(1).target("10.1.0.1", "4420").nqn(WideTable.nqn(40)).hfis(1)).build();
        assertThat(deriveWide(table).controllers()).isEmpty();
        assertThat(deriveWide(table).skipped()).extracting(SkippedDescriptor::toString).containsExactly(
                "NBFT: host NQN is 224 bytes, longer than the 223 it may have: no controller from this table");
    }

    @Test
    void aTrsvcidLongerThanTheLogPageFieldSkipsItsSsns() throws Exception {
        byte[] table = new NbftTableWriter().hfi(new HfiSpec(1).ip("10.0.0.1", 24))
                .ssns(new SsnsSpec(1).target("10.1.0.1", "4".repeat(33)).nqn(WideTable.nqn(40)).hfis(1)).build();
        assertThat(deriveWide(table).skipped()).extracting(SkippedDescriptor::toString)
                .containsExactly("NBFT SSNS 1: trsvcid is 33 bytes, longer than the 32 it may have");
    }
}
