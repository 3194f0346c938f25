package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.TransportRequirements.SecureChannel;
import org.nvmexpress.discoverd.sim.fabric.DlpWriter;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** The entry-to-TID rule of reference §5.5 step 3, and the entries that are never connected. */
final class EntryTargetsTest {
    private static final String NQN = "nqn.2024-01.com.example:vol1";
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:11111111-2222-3333-4444-555555555555";
    private static final TransportId DC = TidParser.strict("transport=tcp;traddr=192.168.1.10;trsvcid=8009;nqn="
            + DlpWriter.DISCOVERY_NQN + ";host-traddr=192.168.1.50;host-iface=eth1;hostnqn=" + HOSTNQN);
    private static final DcContext CONTEXT = DcContext.of(DC);
    private static final DcContext FC_CONTEXT = new DcContext("nn-0x20000090fa942779:pn-0x10000090fa942779", null, null);

    private static DiscoveryLogEntry entry(DlpWriter.Entry spec) {
        try {
            return DiscoveryLogDecoder.decode(new DlpWriter().entry(new DlpWriter.Entry().trtype(0))
                    .entry(spec).build()).entries().get(1);
        } catch (DlpDecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static EntryTarget target(DlpWriter.Entry spec) {
        return EntryTargets.of(entry(spec), CONTEXT);
    }

    private static EntryTarget.Connectable connectable(DlpWriter.Entry spec) {
        EntryTarget t = target(spec);
        assertThat(t).isInstanceOf(EntryTarget.Connectable.class);
        return (EntryTarget.Connectable) t;
    }

    private static EntryTarget.Rejected rejected(DlpWriter.Entry spec) {
        EntryTarget t = target(spec);
        assertThat(t).isInstanceOf(EntryTarget.Rejected.class);
        return (EntryTarget.Rejected) t;
    }

    @Test
    void contextInheritsTheHostSideOfTheDc() {
        assertThat(CONTEXT).isEqualTo(new DcContext("192.168.1.50", "eth1", HOSTNQN));
    }

    @Test
    void ioControllerInheritsHostSideAndGetsNoHostid() {
        EntryTarget.Connectable ioc = connectable(DlpWriter.tcp("192.168.1.20", "4420", NQN));

        assertThat(ioc.role()).isEqualTo(Role.IOC);
        assertThat(ioc.subtype()).isEqualTo(Subtype.NVME);
        assertThat(ioc.tid().canonical()).isEqualTo("transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + NQN
                + ";host-traddr=192.168.1.50;host-iface=eth1;hostnqn=" + HOSTNQN);
    }

    @Test
    void emptyTrsvcidTakesTheRoleDefault() {
        assertThat(connectable(DlpWriter.tcp("192.168.1.20", "", NQN)).tid().trsvcid()).isEqualTo("4420");
        assertThat(connectable(DlpWriter.tcp("192.168.1.20", "", DlpWriter.DISCOVERY_NQN).subtype(1)).tid().trsvcid())
                .isEqualTo("8009");
        assertThat(connectable(DlpWriter.rdma("192.168.1.20", "", NQN)).tid().trsvcid()).isEqualTo("4420");
        EntryTarget fc = EntryTargets.of(entry(DlpWriter.fc("nn-0x1000:pn-0x2000", NQN)), FC_CONTEXT);
        assertThat(((EntryTarget.Connectable) fc).tid().canonical()).isEqualTo("transport=fc;traddr=nn-0x1000:pn-0x2000;nqn="
                + NQN + ";host-traddr=nn-0x20000090fa942779:pn-0x10000090fa942779");
    }

    /** As upstream: the host side is inherited whatever the entry's transport, so a TCP DC's FC entry fails. */
    @Test
    void hostAddressOfAnotherTransportMakesTheEntryUnusable() {
        EntryTarget.Rejected r = rejected(DlpWriter.fc("nn-0x1000:pn-0x2000", NQN));

        assertThat(r.reason()).isEqualTo(EntryTarget.Reason.INVALID_ADDRESS);
        assertThat(r.problem()).hasToString("entry 1 at offset 2048: host-traddr '192.168.1.50' is not an FC address"
                + " of the form nn-0x<WWNN>:pn-0x<WWPN>: not connected");
    }

    /** Deliberate: the self entry is a discovery controller, so it gets a DC's default port. */
    @Test
    void referralAndSelfEntryAreDiscoveryControllers() {
        EntryTarget.Connectable referral = connectable(DlpWriter.tcp("192.168.1.11", "", DlpWriter.DISCOVERY_NQN)
                .subtype(1).eflags(EntryFlags.EPCSD));
        EntryTarget.Connectable self = connectable(DlpWriter.tcp("192.168.1.10", "", DlpWriter.DISCOVERY_NQN).subtype(3));

        assertThat(referral.role()).isEqualTo(Role.DC);
        assertThat(referral.epcsd()).isTrue();
        assertThat(self.role()).isEqualTo(Role.DC);
        assertThat(self.epcsd()).isFalse();
        assertThat(self.tid().trsvcid()).isEqualTo("8009");
    }

    @Test
    void addressesAreCanonicalisedByTheTid() {
        assertThat(connectable(DlpWriter.tcp("2001:DB8:0:0::9", "4420", NQN)).tid().traddr()).isEqualTo("2001:db8::9");
    }

    @Test
    void secureChannelRequirementIsKept() {
        EntryTarget.Connectable required = connectable(DlpWriter.tcp("192.168.1.20", "4420", NQN).treq(0x1 | 0x4));
        EntryTarget.Connectable tls = connectable(DlpWriter.tcp("192.168.1.20", "4420", NQN).sectype(1));
        EntryTarget.Connectable plain = connectable(DlpWriter.tcp("192.168.1.20", "4420", NQN).treq(0x2));

        assertThat(required.secureChannel()).isEqualTo(SecureChannel.REQUIRED);
        assertThat(required.entry().treq().disableSqflow()).isTrue();
        assertThat(required.requiresSecureChannel()).isTrue();
        assertThat(tls.sectype()).isEqualTo(TcpSecurityType.TLS12);
        assertThat(tls.requiresSecureChannel()).isTrue();
        assertThat(plain.secureChannel()).isEqualTo(SecureChannel.NOT_REQUIRED);
        assertThat(plain.requiresSecureChannel()).isFalse();
    }

    @Test
    void duplicateReturnedInformationDoesNotGateTheEntry() {
        EntryTarget.Connectable c = connectable(DlpWriter.tcp("192.168.1.20", "4420", NQN).eflags(0x3));

        assertThat(c.entry().eflags().duplicateReturnInformation()).isTrue();
        assertThat(c.epcsd()).isTrue();
        assertThat(c.tid().traddr()).isEqualTo("192.168.1.20");
    }

    @Test
    void unknownTransportIsNeverConnected() {
        EntryTarget.Rejected r = rejected(DlpWriter.tcp("192.168.1.20", "4420", NQN).trtype(7));

        assertThat(r.reason()).isEqualTo(EntryTarget.Reason.UNKNOWN_TRANSPORT);
        assertThat(r.problem()).hasToString("entry 1 at offset 2048: transport type 7 is not recognised: never connected");
    }

    @Test
    void unknownSubtypeIsIgnored() {
        EntryTarget.Rejected r = rejected(DlpWriter.tcp("192.168.1.20", "4420", NQN).subtype(0));

        assertThat(r.reason()).isEqualTo(EntryTarget.Reason.UNKNOWN_SUBTYPE);
        assertThat(r.problem()).hasToString("entry 1 at offset 2048: subtype 0 is not recognised: ignored");
    }

    @Test
    void addressItsTransportRefusesIsReportedNotThrown() {
        EntryTarget.Rejected host = rejected(DlpWriter.tcp("storage.example.com", "4420", NQN));
        EntryTarget.Rejected wwn = rejected(DlpWriter.fc("nn-0x1000", NQN));

        assertThat(host.reason()).isEqualTo(EntryTarget.Reason.INVALID_ADDRESS);
        assertThat(host.problem()).hasToString("entry 1 at offset 2048: traddr 'storage.example.com' is not a numeric"
                + " IPv4 or IPv6 address (transport tcp): not connected");
        assertThat(wwn.problem()).hasToString("entry 1 at offset 2048: traddr 'nn-0x1000' is not an FC address of the"
                + " form nn-0x<WWNN>:pn-0x<WWPN>: not connected");
    }

    @Test
    void stringsNoTidCanCarryAreRefused() {
        assertThat(rejected(DlpWriter.tcp("192.168.1.20", "4420", "")).problem())
                .hasToString("entry 1 at offset 2048: subnqn is empty: not connected");
        assertThat(rejected(DlpWriter.tcp("192.168.1.20", "4420", "nqn.x;hostnqn=evil")).problem())
                .hasToString("entry 1 at offset 2048: subnqn 'nqn.x;hostnqn=evil' has ';' (the TID separator)"
                        + " at position 5: not connected");
        assertThat(rejected(DlpWriter.tcp("192.168.1.20", "44\n20", NQN)).problem())
                .hasToString("entry 1 at offset 2048: trsvcid '44\\x0a20' has control character 0x0a at position 2:"
                        + " not connected");
        EntryTarget.Rejected utf8 = rejected(DlpWriter.tcp("192.168.1.20", "4420", NQN)
                .subnqnBytes(new byte[] {'n', 'q', 'n', (byte) 0xff}));
        assertThat(utf8.reason()).isEqualTo(EntryTarget.Reason.INVALID_FIELD);
        assertThat(utf8.problem()).hasToString("entry 1 at offset 2048: subnqn 'nqn\uFFFD' has bytes that are not UTF-8"
                + " at position 3: not connected");
    }

    @Test
    void loopEntryIsConnectableWithAnEmptyAddress() {
        EntryTarget.Connectable loop = connectable(DlpWriter.loop(NQN));

        assertThat(loop.tid().canonical()).isEqualTo("transport=loop;traddr=;nqn=" + NQN
                + ";host-traddr=192.168.1.50;host-iface=eth1;hostnqn=" + HOSTNQN);
    }
}
