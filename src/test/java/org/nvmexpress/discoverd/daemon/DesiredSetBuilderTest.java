package org.nvmexpress.discoverd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.config.FabricsConfig;
import org.nvmexpress.discoverd.config.FabricsConfigLoader;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.nbft.BootController;
import org.nvmexpress.discoverd.nbft.BootControllers;
import org.nvmexpress.discoverd.nbft.SkippedDescriptor;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

final class DesiredSetBuilderTest {
    private static final String TABLE_HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555";
    private static final String TABLE_HOSTID = "11111111-2222-3333-4444-555555555555";
    private static final String BOOT_VOL = "nqn.2014-08.com.example:boot.vol";
    private static final TransportId BOOT_IOC_TID = TidParser.strict("transport=tcp;traddr=10.0.0.50;trsvcid=4420;nqn="
            + BOOT_VOL + ";host-traddr=10.0.0.5");
    private static final TransportId BOOT_DC_TID = TidParser.strict("transport=tcp;traddr=10.0.0.60;trsvcid=8009;nqn="
            + Candidates.WELL_KNOWN);
    private static final BootController BOOT_IOC = new BootController(Role.IOC, BOOT_IOC_TID, TABLE_HOSTNQN,
            Optional.of(TABLE_HOSTID), Optional.of("eth0"), "/sys/firmware/acpi/tables/NBFT", "NBFT SSNS 1 via HFI 1");
    private static final BootController BOOT_DC = new BootController(Role.DC, BOOT_DC_TID, TABLE_HOSTNQN,
            Optional.empty(), Optional.empty(), "/sys/firmware/acpi/tables/NBFT", "NBFT DD 1 via HFI 1");
    private static final BootControllers NO_BOOT = new BootControllers(List.of(), List.of());

    @TempDir
    Path dir;

    private FabricsConfig load(String main) throws IOException {
        Path file = dir.resolve("nvme-fabrics.conf");
        Files.writeString(file, main);
        return FabricsConfigLoader.load(file);
    }

    private String file() {
        return dir.resolve("nvme-fabrics.conf").toString();
    }

    private static DesiredSet build(FabricsConfig config, BootControllers boot) {
        return DesiredSetBuilder.build(config, boot, Map.of(), Map.of());
    }

    @Test
    void orderIsBootDcsConfiguredDcsBootIocsConfiguredIocs() throws IOException {
        FabricsConfig config = load("[Subsystem]\nnqn = nqn.2014-08.com.example:v1\n"
                + "controller = transport=tcp;traddr=10.0.0.1\n"
                + "[Discovery Controller]\ncontroller = transport=tcp;traddr=10.0.0.2\n");

        DesiredSet set = build(config, new BootControllers(List.of(BOOT_IOC, BOOT_DC), List.of()));

        assertThat(set.inOrder()).extracting(c -> c.tid().traddr() + " " + c.role())
                .containsExactly("10.0.0.60 DC", "10.0.0.2 DC", "10.0.0.50 IOC", "10.0.0.1 IOC");
        assertThat(set.inOrder()).extracting(c -> c.sources().get(0).describe()).containsExactly(
                "nbft:NBFT:DD 1 via HFI 1", file() + ":5", "nbft:NBFT:SSNS 1 via HFI 1", file() + ":3");
        assertThat(set.size()).isEqualTo(4);
        assertThat(set.contains(BOOT_DC_TID.unitName())).isTrue();
        assertThat(set.get(BOOT_IOC_TID.unitName())).map(Candidate::isBoot).contains(true);
    }

    /** §15 item 27: the table's host NQN, host ID and interface are connect options, not TID fields. */
    @Test
    void item27BootControllerConnectsWithTheTablesHostIdentity() throws IOException {
        FabricsConfig config = load("[I/O Controller Defaults]\nkeep-alive-tmo = 5\n");

        Candidate boot = build(config, new BootControllers(List.of(BOOT_IOC), List.of())).inOrder().get(0);

        assertThat(boot.request().nbft()).isTrue();
        assertThat(boot.request().owner()).isEqualTo("nbft");
        assertThat(boot.tid()).isEqualTo(BOOT_IOC_TID);
        assertThat(boot.request().options().arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.50",
                "--trsvcid=4420", "--nqn=" + BOOT_VOL, "--host-traddr=10.0.0.5", "--hostnqn=" + TABLE_HOSTNQN,
                "--hostid=" + TABLE_HOSTID, "--host-iface=eth0", "--keep-alive-tmo=5");
        assertThat(boot.identity().hostnqn()).isEqualTo(TABLE_HOSTNQN);
    }

    /** §15 item 26: a persona's host ID is passed on connect, and the TID (the unit name) does not carry it. */
    @Test
    void item26PersonaHostIdIsAConnectOptionNotPartOfTheTid() throws IOException {
        FabricsConfig config = load("[Host]\nhostnqn = " + TABLE_HOSTNQN + "\nhostid = " + TABLE_HOSTID + "\n"
                + "[Subsystem]\nnqn = nqn.2014-08.com.example:v1\ncontroller = transport=tcp;traddr=10.0.0.1\n");

        Candidate c = build(config, NO_BOOT).inOrder().get(0);

        assertThat(c.tid().hostid()).isNull();
        assertThat(c.tid().hostnqn()).isEqualTo(TABLE_HOSTNQN);
        assertThat(c.request().options().arguments()).contains("--hostnqn=" + TABLE_HOSTNQN,
                "--hostid=" + TABLE_HOSTID);
        assertThat(c.request().nbft()).isFalse();
    }

    /** §15 item 23: a bad file is left out with its line reported; the valid ones are still desired. */
    @Test
    void item23InvalidFileIsReportedWithLineAndTheOthersStayDesired() throws IOException {
        Files.createDirectories(dir.resolve("nvme-fabrics.conf.d"));
        Files.writeString(dir.resolve("nvme-fabrics.conf.d/bad.conf"), "[Subsystem]\nnqn = nqn.2014-08.com.example:b\n"
                + "controller = transport=tcp;traddr=10.0.0.9\nkeep-alive-tmo = soon\n");
        FabricsConfig config = load("[Subsystem]\nnqn = nqn.2014-08.com.example:v1\n"
                + "controller = transport=tcp;traddr=10.0.0.1\n");

        DesiredSet set = build(config, NO_BOOT);

        assertThat(set.inOrder()).extracting(c -> c.tid().traddr()).containsExactly("10.0.0.1");
        assertThat(set.unusable()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo(SkipReason.UNUSABLE);
            assertThat(skip.role()).isEmpty();
            assertThat(skip.tid()).isEmpty();
            assertThat(skip.detail()).startsWith(dir.resolve("nvme-fabrics.conf.d/bad.conf") + ":4: ");
        });
    }

    @Test
    void connectionWithAnInvalidAddressIsUnusableWithItsLine() throws IOException {
        FabricsConfig config = load("[Subsystem]\nnqn = nqn.2014-08.com.example:v1\n"
                + "controller = transport=fc;traddr=not-a-wwn\n");

        DesiredSet set = build(config, NO_BOOT);

        assertThat(set.inOrder()).isEmpty();
        assertThat(set.unusable()).singleElement().satisfies(
                skip -> assertThat(skip.detail()).startsWith(file() + ":3: connection skipped: "));
    }

    @Test
    void hostNamesTakeTheirResolvedAddressOrWait() throws IOException {
        FabricsConfig config = load("[Discovery Controller]\ncontroller = transport=tcp;traddr=cdc.example.com\n"
                + "[Discovery Controller]\ncontroller = transport=tcp;traddr=backup.example.com\n"
                + "[Subsystem]\nnqn = nqn.2014-08.com.example:fc\n"
                + "controller = transport=fc;traddr=nn-0x200000109b123456:pn-0x100000109b123456\n");

        DesiredSet set = DesiredSetBuilder.build(config, NO_BOOT, Map.of("cdc.example.com", "2001:db8::10"),
                Map.of("backup.example.com", "Name or service not known"));

        assertThat(set.inOrder()).extracting(c -> c.tid().traddr()).containsExactly("2001:db8::10",
                "nn-0x200000109b123456:pn-0x100000109b123456");
        assertThat(set.inOrder().get(0).tid().trsvcid()).isEqualTo("8009");
        assertThat(set.unresolved()).singleElement().satisfies(p -> {
            assertThat(p.hostName()).isEqualTo("backup.example.com");
            assertThat(p.lastError()).isEqualTo("Name or service not known");
            assertThat(p.describe()).isEqualTo(file() + ":4: host name backup.example.com does not resolve yet: "
                    + "Name or service not known");
        });
    }

    @Test
    void resolvedAddressThatIsNotNumericIsUnusable() throws IOException {
        FabricsConfig config = load("[Discovery Controller]\ncontroller = transport=tcp;traddr=cdc.example.com\n");

        DesiredSet set = DesiredSetBuilder.build(config, NO_BOOT, Map.of("cdc.example.com", "elsewhere"), Map.of());

        assertThat(set.inOrder()).isEmpty();
        assertThat(set.unusable()).singleElement().satisfies(s -> assertThat(s.detail()).isEqualTo(file()
                + ":2: host name cdc.example.com resolved to 'elsewhere', not a numeric address"));
    }

    @Test
    void bootAndConfiguredSameTidIsOneCandidateWithConfiguredParametersAndOwnerNbft() throws IOException {
        FabricsConfig config = load("[Host]\nhostid = 99999999-2222-3333-4444-555555555555\n[Subsystem]\nnqn = "
                + BOOT_VOL + "\nctrl-loss-tmo = 1800\nkxchap-secret = DHHC-1:00:ia6zGodOr4SEG0Zzaw398rpY0wqipUWj4jWjUh4HWUz6aQ2n:\n"
                + "controller = transport=tcp;traddr=10.0.0.50;host-traddr=10.0.0.5\n");

        DesiredSet set = build(config, new BootControllers(List.of(BOOT_IOC), List.of()));

        Candidate c = set.inOrder().get(0);
        assertThat(set.size()).isEqualTo(1);
        assertThat(c.sources()).extracting(Source::describe).containsExactly("nbft:NBFT:SSNS 1 via HFI 1",
                file() + ":7");
        assertThat(c.request().owner()).isEqualTo("nbft");
        assertThat(c.request().options().arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.50",
                "--trsvcid=4420", "--nqn=" + BOOT_VOL, "--host-traddr=10.0.0.5", "--hostnqn=" + TABLE_HOSTNQN,
                "--host-iface=eth0", "--hostid=99999999-2222-3333-4444-555555555555", "--ctrl-loss-tmo=1800");
        assertThat(c.request().options().secrets()).containsOnlyKeys(FabricsKey.KXCHAP_SECRET);
    }

    @Test
    void sameControllerOnTwoLinesIsOneCandidateWithBothSources() throws IOException {
        FabricsConfig config = load("[Subsystem]\nnqn = nqn.2014-08.com.example:v1\n"
                + "controller = transport=tcp;traddr=10.0.0.1;keep-alive-tmo=7\n"
                + "controller = transport=tcp;traddr=10.0.0.1;trsvcid=4420\n");

        DesiredSet set = build(config, NO_BOOT);

        assertThat(set.inOrder()).singleElement().satisfies(c -> {
            assertThat(c.sources()).extracting(Source::describe).containsExactly(file() + ":3", file() + ":4");
            assertThat(c.request().options().arguments()).contains("--keep-alive-tmo=7");
        });
    }

    @Test
    void skippedBootDescriptorsAreUnusableExceptDuplicates() {
        BootControllers boot = new BootControllers(List.of(BOOT_IOC), List.of(
                new SkippedDescriptor("NBFT", "NBFT SSNS 2", SkippedDescriptor.Kind.SECURITY_UNSUPPORTED,
                        "security profile 1 unsupported"),
                new SkippedDescriptor("NBFT", "NBFT SSNS 3 via HFI 1", SkippedDescriptor.Kind.DUPLICATE,
                        "duplicate of NBFT SSNS 1 via HFI 1"),
                new SkippedDescriptor("NBFT", "NBFT DD 2", SkippedDescriptor.Kind.URI_INVALID, "URI invalid: x")));

        DesiredSet set = build(FabricsConfig.EMPTY, boot);

        assertThat(set.unusable()).extracting(Decision.Skip::role, Decision.Skip::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Optional.of(Role.IOC),
                        "nbft:NBFT:SSNS 2: security profile 1 unsupported"),
                org.assertj.core.groups.Tuple.tuple(Optional.of(Role.DC), "nbft:NBFT:DD 2: URI invalid: x"));
    }

    @Test
    void tidNamedInTwoRolesKeepsTheFirstInActionOrder() throws IOException {
        FabricsConfig config = load("[Discovery Controller]\nnqn = " + BOOT_VOL + "\n"
                + "controller = transport=tcp;traddr=10.0.0.50;trsvcid=4420;host-traddr=10.0.0.5\n");

        DesiredSet set = build(config, new BootControllers(List.of(BOOT_IOC), List.of()));

        assertThat(set.inOrder()).singleElement().satisfies(c -> assertThat(c.role()).isEqualTo(Role.DC));
        assertThat(set.unusable()).singleElement().satisfies(s -> assertThat(s.detail()).isEqualTo(
                "nbft:NBFT:SSNS 1 via HFI 1: names unit " + BOOT_IOC_TID.unitName() + " as an IOC, but " + file()
                        + ":3 names it as a DC; left out"));
    }

    @Test
    void emptyInputIsTheEmptySet() {
        DesiredSet set = build(FabricsConfig.EMPTY, NO_BOOT);

        assertThat(set.inOrder()).isEqualTo(DesiredSet.EMPTY.inOrder());
        assertThat(set.unusable()).isEmpty();
        assertThat(set.unresolved()).isEmpty();
    }
}
