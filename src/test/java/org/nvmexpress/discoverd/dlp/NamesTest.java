package org.nvmexpress.discoverd.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.dlp.TransportRequirements.SecureChannel;

/** Every code's name as libnvme prints it (reference §5.4), {@code unrecognized} for the rest. */
final class NamesTest {

    private static String[] names(IntStream codes, java.util.function.IntFunction<String> name) {
        return codes.mapToObj(name).toArray(String[]::new);
    }

    @Test
    void transportTypesAreNamedAsLibnvmeNamesThem() {
        assertThat(names(IntStream.of(0, 1, 2, 3, 4, 254, 255), c -> TransportType.of(c).libnvmeName()))
                .containsExactly("unrecognized", "rdma", "fc", "tcp", "unrecognized", "loop", "unrecognized");
        assertThat(TransportType.TCP.code()).isEqualTo(3);
    }

    @Test
    void addressFamiliesAreNamedWithLoopAdded() {
        assertThat(names(IntStream.of(0, 1, 2, 3, 4, 5, 254), c -> AddressFamily.of(c).libnvmeName()))
                .containsExactly("pci", "ipv4", "ipv6", "infiniband", "fibre-channel", "unrecognized", "loop");
    }

    @Test
    void subtypesHaveAShortKeyAndLibnvmesName() {
        assertThat(names(IntStream.of(0, 1, 2, 3, 4), c -> Subtype.of(c).key()))
                .containsExactly("unrecognized", "referral", "nvme", "current", "unrecognized");
        assertThat(names(IntStream.of(1, 2, 3), c -> Subtype.of(c).libnvmeName()))
                .containsExactly("discovery subsystem referral", "nvme subsystem", "current discovery subsystem");
        assertThat(Subtype.CURRENT.isDiscovery()).isTrue();
        assertThat(Subtype.NVME.isDiscovery()).isFalse();
    }

    @Test
    void treqIsNamedByTheWholeByte() {
        assertThat(names(IntStream.rangeClosed(0, 8), c -> new TransportRequirements(c).libnvmeName())).containsExactly(
                "not specified", "required", "not required", "unrecognized",
                "not specified, sq flow control disable supported", "required, sq flow control disable supported",
                "not required, sq flow control disable supported", "unrecognized", "unrecognized");
        assertThat(new TransportRequirements(0x7).secureChannel()).isEqualTo(SecureChannel.RESERVED);
    }

    @Test
    void eflagsListTheSetFlags() {
        assertThat(names(IntStream.rangeClosed(0, 8), c -> new EntryFlags(c).libnvmeName())).containsExactly("none",
                "duplicate discovery information", "explicit discovery connections",
                "explicit discovery connections, duplicate discovery information", "no cdc connectivity",
                "duplicate discovery information, no cdc connectivity",
                "explicit discovery connections, no cdc connectivity",
                "explicit discovery connections, duplicate discovery information, no cdc connectivity", "unrecognized");
        EntryFlags all = new EntryFlags(0x7);
        assertThat(all.duplicateReturnInformation() && all.explicitPersistentConnection() && all.noCdcConnectivity())
                .isTrue();
    }

    @Test
    void tcpSecurityTypesAreNamedAsLibnvmeNamesThem() {
        assertThat(names(IntStream.of(0, 1, 2, 3), c -> TcpSecurityType.of(c).libnvmeName()))
                .containsExactly("none", "tls", "tls13", "unrecognized");
        assertThat(TcpSecurityType.NONE.isSecure()).isFalse();
        assertThat(TcpSecurityType.UNRECOGNIZED.isSecure()).isTrue();
    }

    @Test
    void rdmaTsasCodesAreNamed() {
        assertThat(names(IntStream.of(0, 1, 2, 3), c -> new TransportSpecific.Rdma(c, 0, 0, 0).qptypeName()))
                .containsExactly("unrecognized", "connected", "datagram", "unrecognized");
        assertThat(names(IntStream.rangeClosed(0, 6), c -> new TransportSpecific.Rdma(0, c, 0, 0).prtypeName()))
                .containsExactly("unrecognized", "not specified", "infiniband", "roce", "roce-v2", "iwarp", "unrecognized");
        assertThat(names(IntStream.of(0, 1, 2), c -> new TransportSpecific.Rdma(0, 0, c, 0).cmsName()))
                .containsExactly("unrecognized", "rdma-cm", "unrecognized");
    }

    @Test
    void fieldsOutOfTheirWidthAreRejected() {
        assertThatThrownBy(() -> new TransportRequirements(256)).hasMessage("treq out of range: 256");
        assertThatThrownBy(() -> new EntryFlags(-1)).hasMessage("eflags out of range: -1");
        assertThatThrownBy(() -> new TransportSpecific.Rdma(0, 0, 0, 0x10000)).hasMessage("pkey out of range: 65536");
    }
}
