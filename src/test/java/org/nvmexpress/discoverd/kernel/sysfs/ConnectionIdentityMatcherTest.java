package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.FC;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.HOSTNQN;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.RDMA;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_5_10;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_5_15_PINNED;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_6_1;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_6_1_DC;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_6_1_PINNED;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_6_1_RECONNECTING;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_6_1_UNIQUE_DC;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_IPV4_MAPPED;
import static org.nvmexpress.discoverd.kernel.sysfs.RecordedControllers.TCP_IPV6;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidField;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * The matcher over attribute sets recorded from several kernel generations, each written to a
 * sysfs tree and read back through {@link SysfsReader}, so parsing and matching are tested together.
 */
final class ConnectionIdentityMatcherTest {
    private static final String VOL1 = "nqn=" + RecordedControllers.VOL1;
    private static final String IOC_20 = "transport=tcp;traddr=192.168.1.20;" + VOL1;
    private static final String SAME = "same connection";
    private static final ConnectionIdentityMatcher WITH_DEFAULT_HOSTNQN = new ConnectionIdentityMatcher(Optional.of(HOSTNQN));

    @TempDir
    Path root;

    private LiveController read(Map<String, String> attributes) throws IOException {
        new SysfsTree(root).controller("nvme1", attributes);
        ControllerReading.Found reading = (ControllerReading.Found) new SysfsReader(root).controller(new DeviceName("nvme1"));
        assertThat(reading.problems()).isEmpty();
        return reading.controller();
    }

    /** What the C daemon gets wrong: hostnqn always present, src_addr, host_iface. */
    static Stream<Arguments> hostSideCases() {
        return Stream.of(
                Arguments.of("5.10 tcp, trsvcid defaulted", TCP_5_10, IOC_20, Role.IOC, SAME),
                Arguments.of("6.1 tcp, src_addr is not a pin", TCP_6_1, IOC_20, Role.IOC, SAME),
                Arguments.of("6.1 pinned, desired unpinned", TCP_6_1_PINNED, IOC_20, Role.IOC, SAME),
                Arguments.of("5.15 pinned address and interface", TCP_5_15_PINNED,
                        IOC_20 + ";host-traddr=192.168.1.5;host-iface=eth0", Role.IOC, SAME),
                Arguments.of("6.1 unpinned, source is the desired host-traddr", TCP_6_1,
                        IOC_20 + ";host-traddr=192.168.1.5", Role.IOC, SAME),
                Arguments.of("6.1 unpinned, source differs", TCP_6_1, IOC_20 + ";host-traddr=192.168.1.6", Role.IOC,
                        "host-traddr: desired '192.168.1.6', live src_addr '192.168.1.5' (not pinned)"),
                Arguments.of("6.1 pinned elsewhere", TCP_6_1_PINNED, IOC_20 + ";host-traddr=192.168.1.6", Role.IOC,
                        "host-traddr: desired '192.168.1.6', live '192.168.1.5'"),
                Arguments.of("5.10 unpinned, desired pinned", TCP_5_10, IOC_20 + ";host-traddr=192.168.1.5", Role.IOC,
                        "host-traddr: desired '192.168.1.5', live neither host_traddr nor src_addr"),
                Arguments.of("6.1 reconnecting, no socket", TCP_6_1_RECONNECTING, IOC_20 + ";host-traddr=192.168.1.5",
                        Role.IOC, "host-traddr: desired '192.168.1.5', live neither host_traddr nor src_addr"),
                Arguments.of("host_iface from the address", TCP_5_15_PINNED, IOC_20 + ";host-iface=eth1", Role.IOC,
                        "host-iface: desired 'eth1', live 'eth0'"),
                Arguments.of("no host_iface in the address", TCP_6_1, IOC_20 + ";host-iface=eth0", Role.IOC,
                        "host-iface: desired 'eth0', live none"));
    }

    /** Plain differences; the first field in canonical order wins. */
    static Stream<Arguments> fieldCases() {
        return Stream.of(
                Arguments.of("other transport", TCP_6_1, "transport=rdma;traddr=192.168.1.21;" + VOL1, Role.IOC,
                        "transport: desired 'rdma', live 'tcp'"),
                Arguments.of("other traddr", TCP_6_1, "transport=tcp;traddr=192.168.1.21;trsvcid=1;" + VOL1, Role.IOC,
                        "traddr: desired '192.168.1.21', live '192.168.1.20'"),
                Arguments.of("other trsvcid", TCP_6_1, IOC_20 + ";trsvcid=4421", Role.IOC,
                        "trsvcid: desired '4421', live '4420'"),
                Arguments.of("trsvcid default of a DC", TCP_6_1, IOC_20, Role.DC,
                        "trsvcid: desired '8009' (default for a DC), live '4420'"),
                Arguments.of("other nqn", TCP_6_1, "transport=tcp;traddr=192.168.1.20;nqn=nqn.2014-08.com.example:vol2",
                        Role.IOC, "nqn: desired 'nqn.2014-08.com.example:vol2', live 'nqn.2014-08.com.example:storage.vol1'"),
                Arguments.of("unset fields match anything", TCP_6_1_PINNED, "transport=tcp", Role.IOC, SAME));
    }

    /** Discovery controllers and unique discovery NQNs. */
    static Stream<Arguments> discoveryCases() {
        return Stream.of(
                Arguments.of("DC through the well-known NQN", TCP_6_1_DC,
                        "transport=tcp;traddr=192.168.1.30;nqn=" + RecordedControllers.WELL_KNOWN, Role.DC, SAME),
                Arguments.of("CDC with a unique NQN, desired well-known", TCP_6_1_UNIQUE_DC,
                        "transport=tcp;traddr=192.168.1.30;nqn=" + RecordedControllers.WELL_KNOWN, Role.DC, SAME),
                Arguments.of("CDC by its unique NQN", TCP_6_1_UNIQUE_DC,
                        "transport=tcp;traddr=192.168.1.30;nqn=" + RecordedControllers.UNIQUE_DC_NQN, Role.DC, SAME),
                Arguments.of("CDC with another unique NQN", TCP_6_1_UNIQUE_DC,
                        "transport=tcp;traddr=192.168.1.30;nqn=nqn.1988-11.com.dell:SFSS:2:other", Role.DC,
                        "nqn: desired 'nqn.1988-11.com.dell:SFSS:2:other', live '" + RecordedControllers.UNIQUE_DC_NQN + "'"),
                Arguments.of("well-known NQN is not an I/O controller", TCP_6_1,
                        "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=" + RecordedControllers.WELL_KNOWN, Role.DC,
                        "nqn: desired 'nqn.2014-08.org.nvmexpress.discovery', live '" + RecordedControllers.VOL1
                                + "' (cntrltype 'io', not a discovery controller)"));
    }

    /** Address spellings. */
    static Stream<Arguments> spellingCases() {
        return Stream.of(
                Arguments.of("IPv6 typed differently", TCP_IPV6, "transport=tcp;traddr=2001:db8::20;" + VOL1, Role.IOC, SAME),
                Arguments.of("IPv6 src_addr as host-traddr", TCP_IPV6,
                        "transport=tcp;traddr=2001:db8:0:0:0:0:0:20;host-traddr=2001:DB8::5;" + VOL1, Role.IOC, SAME),
                Arguments.of("IPv6 other address", TCP_IPV6, "transport=tcp;traddr=2001:db8::21;" + VOL1, Role.IOC,
                        "traddr: desired '2001:db8::21', live '2001:DB8:0:0::20'"),
                Arguments.of("IPv4-mapped live", TCP_IPV4_MAPPED, IOC_20 + ";host-traddr=192.168.1.5", Role.IOC, SAME),
                Arguments.of("fc, WWNs in another case", FC,
                        "transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa942779;"
                                + "host-traddr=nn-0x20000090FAE0B5F5:pn-0x10000090FAE0B5F5;" + VOL1, Role.IOC, SAME),
                Arguments.of("fc, other remote port", FC,
                        "transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa94277a;" + VOL1, Role.IOC,
                        "traddr: desired 'nn-0x20000090fa942779:pn-0x10000090fa94277a', "
                                + "live 'nn-0x20000090FA942779:pn-0x10000090FA942779'"),
                Arguments.of("fc, other host port", FC,
                        "transport=fc;traddr=nn-0x20000090fa942779:pn-0x10000090fa942779;"
                                + "host-traddr=nn-0x1:pn-0x2;" + VOL1, Role.IOC,
                        "host-traddr: desired 'nn-0x1:pn-0x2', live 'nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5'"),
                Arguments.of("rdma IOC", RDMA, "transport=rdma;traddr=10.0.0.20;" + VOL1, Role.IOC, SAME),
                Arguments.of("rdma DC default is 4420 too", RDMA, "transport=rdma;traddr=10.0.0.20;" + VOL1, Role.DC, SAME));
    }

    /** Host identity. */
    static Stream<Arguments> hostIdentityCases() {
        return Stream.of(
                Arguments.of("explicit hostnqn equal", TCP_6_1, IOC_20 + ";hostnqn=" + HOSTNQN, Role.IOC, SAME),
                Arguments.of("explicit hostnqn differs", TCP_6_1, IOC_20 + ";hostnqn=nqn.2014-08.org.nvmexpress:uuid:other",
                        Role.IOC, "hostnqn: desired 'nqn.2014-08.org.nvmexpress:uuid:other', live '" + HOSTNQN + "'"),
                Arguments.of("hostid ignores case", TCP_6_1,
                        IOC_20 + ";hostnqn=" + HOSTNQN + ";hostid=" + RecordedControllers.HOSTID.toUpperCase(), Role.IOC, SAME),
                Arguments.of("hostid differs", TCP_6_1, IOC_20 + ";hostnqn=" + HOSTNQN + ";hostid=other", Role.IOC,
                        "hostid: desired 'other', live '" + RecordedControllers.HOSTID + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"hostSideCases", "fieldCases", "discoveryCases", "spellingCases", "hostIdentityCases"})
    void matchComparesRecordedControllers(String name, Map<String, String> attributes, String desired, Role role,
            String expected) throws IOException {
        IdentityMatch match = WITH_DEFAULT_HOSTNQN.match(TidParser.strict(desired), role, read(attributes));
        assertThat(match.explain()).isEqualTo(expected);
        assertThat(match.matches()).isEqualTo(expected.equals(SAME));
    }

    @Test
    void matchNamesTheFirstDifferingField() throws IOException {
        IdentityMatch match = WITH_DEFAULT_HOSTNQN.match(
                TidParser.strict("transport=tcp;traddr=192.168.1.99;trsvcid=1;nqn=nqn.x"), Role.IOC, read(TCP_6_1));
        assertThat(match).isEqualTo(new IdentityMatch.Different(TidField.TRADDR,
                "desired '192.168.1.99', live '192.168.1.20'"));
    }

    @Test
    void matchTakesAnUnsetHostnqnForTheSystemDefault() throws IOException {
        LiveController live = read(TCP_6_1);
        ConnectionIdentityMatcher otherDefault = new ConnectionIdentityMatcher(Optional.of("nqn.2014-08.org.nvmexpress:uuid:mine"));
        assertThat(otherDefault.match(TidParser.strict(IOC_20), Role.IOC, live).explain())
                .isEqualTo("hostnqn: desired the system default 'nqn.2014-08.org.nvmexpress:uuid:mine', live '" + HOSTNQN + "'");
        ConnectionIdentityMatcher noDefault = new ConnectionIdentityMatcher(Optional.empty());
        assertThat(noDefault.match(TidParser.strict(IOC_20), Role.IOC, live).matches()).isTrue();
    }

    @Test
    void matchDoesNotHoldAMissingLiveHostnqnAgainstAnUnsetOne() throws IOException {
        LiveController live = read(RecordedControllers.without(TCP_6_1, "hostnqn"));
        assertThat(WITH_DEFAULT_HOSTNQN.match(TidParser.strict(IOC_20), Role.IOC, live).matches()).isTrue();
        assertThat(WITH_DEFAULT_HOSTNQN.match(TidParser.strict(IOC_20 + ";hostnqn=" + HOSTNQN), Role.IOC, live).explain())
                .isEqualTo("hostnqn: desired '" + HOSTNQN + "', live none");
    }

    @Test
    void matchOfAControllerWithoutAddressDiffersOnTraddr() throws IOException {
        LiveController live = read(RecordedControllers.without(TCP_6_1, "address"));
        assertThat(WITH_DEFAULT_HOSTNQN.match(TidParser.strict(IOC_20), Role.IOC, live).explain())
                .isEqualTo("traddr: desired '192.168.1.20', live none");
    }

    @Test
    void findFirstReturnsTheFirstRealisingController() {
        LiveController other = new LiveController(new DeviceName("nvme0"), "tcp",
                ControllerAddress.parse("traddr=192.168.1.21,trsvcid=4420").address(), RecordedControllers.VOL1,
                HOSTNQN, null, "io", "live", null);
        LiveController wanted = new LiveController(new DeviceName("nvme2"), "tcp",
                ControllerAddress.parse("traddr=192.168.1.20,trsvcid=4420,src_addr=192.168.1.5").address(),
                RecordedControllers.VOL1, HOSTNQN, null, "io", "live", null);
        LiveController twin = new LiveController(new DeviceName("nvme3"), wanted.transport(), wanted.address(),
                wanted.subsysnqn(), HOSTNQN, null, "io", "live", null);
        assertThat(WITH_DEFAULT_HOSTNQN.findFirst(TidParser.strict(IOC_20), Role.IOC, List.of(other, wanted, twin)))
                .contains(wanted);
        assertThat(WITH_DEFAULT_HOSTNQN.findFirst(TidParser.strict(IOC_20), Role.IOC, List.of(other))).isEmpty();
    }
}
