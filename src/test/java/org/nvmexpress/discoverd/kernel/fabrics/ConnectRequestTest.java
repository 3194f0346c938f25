package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** The exact option strings for several kinds of connection. */
final class ConnectRequestTest {
    private static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:46ba5037-7ce5-41fa-9452-48477bf00080";
    private static final String HOSTID = "46ba5037-7ce5-41fa-9452-48477bf00080";

    private static ConnectRequest request(String tid, ConnectIdentity identity, FabricsOptions parameters) {
        return new ConnectRequest(TidParser.strict(tid), identity, parameters, Optional.empty(), Optional.empty(), true);
    }

    @Test
    void optionsOfAnIpv4TcpConnectionWithEveryField() throws Exception {
        FabricsOptions parameters = FabricsOptions.builder()
                .set(FabricsOption.NR_IO_QUEUES, "4")
                .set(FabricsOption.CTRL_LOSS_TMO, "600")
                .set(FabricsOption.KEEP_ALIVE_TMO, "5")
                .set(FabricsOption.RECONNECT_DELAY, "10")
                .flag(FabricsOption.DUPLICATE_CONNECT, true)
                .flag(FabricsOption.DISABLE_SQFLOW, true)
                .flag(FabricsOption.HDR_DIGEST, true)
                .flag(FabricsOption.DATA_DIGEST, true)
                .set(FabricsOption.TOS, "0")
                .build();

        ConnectRequest request = request("transport=tcp;traddr=192.168.1.20;trsvcid=4420;"
                + "nqn=nqn.2024-01.com.example:vol1;host-traddr=192.168.1.5;host-iface=eth0",
                new ConnectIdentity(Optional.of(HOSTNQN), Optional.of(HOSTID)), parameters);

        assertThat(request.options().render()).isEqualTo("transport=tcp,traddr=192.168.1.20,trsvcid=4420,"
                + "nqn=nqn.2024-01.com.example:vol1,hostnqn=" + HOSTNQN + ",hostid=" + HOSTID + ","
                + "host_traddr=192.168.1.5,host_iface=eth0,nr_io_queues=4,ctrl_loss_tmo=600,keep_alive_tmo=5,"
                + "reconnect_delay=10,duplicate_connect,disable_sqflow,hdr_digest,data_digest,tos=0");
        assertThat(request.duplicateConnect()).isTrue();
    }

    @Test
    void optionsOfAnIpv6ConnectionUseTheCanonicalAddress() throws Exception {
        ConnectRequest request = request("transport=tcp;traddr=2001:DB8:0:0::10;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1",
                ConnectIdentity.none(), FabricsOptions.builder().build());

        assertThat(request.options().render())
                .isEqualTo("transport=tcp,traddr=2001:db8::10,trsvcid=4420,nqn=nqn.2024-01.com.example:vol1");
    }

    @Test
    void optionsOfAnFcConnectionUseTheKernelsWwnPairForm() throws Exception {
        ConnectRequest request = request("transport=fc;traddr=nn-0x20000090fa942779,pn-0x10000090fa942779;"
                + "host-traddr=nn-0x20000090fa942780:pn-0x10000090fa942780;nqn=nqn.2024-01.com.example:fc1",
                ConnectIdentity.none(), FabricsOptions.builder().build());

        assertThat(request.options().render()).isEqualTo("transport=fc,traddr=nn-0x20000090fa942779:pn-0x10000090fa942779,"
                + "nqn=nqn.2024-01.com.example:fc1,host_traddr=nn-0x20000090fa942780:pn-0x10000090fa942780");
    }

    @Test
    void optionsOfALoopConnectionHaveNoAddress() throws Exception {
        ConnectRequest request = request("transport=loop;nqn=nqn.2024-01.com.example:loop1", ConnectIdentity.none(),
                FabricsOptions.builder().flag(FabricsOption.TLS, true).build());

        assertThat(request.options().render()).isEqualTo("transport=loop,nqn=nqn.2024-01.com.example:loop1,tls");
        assertThat(request.duplicateConnect()).isFalse();
    }

    @Test
    void requestNeedsATransportAndAnNqn() {
        TransportId noNqn = TidParser.strict("transport=tcp;traddr=10.0.0.1");

        assertThatThrownBy(() -> new ConnectRequest(noNqn, ConnectIdentity.none(), FabricsOptions.builder().build(),
                Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a connect needs a transport and an nqn: transport=tcp;traddr=10.0.0.1");
    }

    @Test
    void parametersMustNotCarryConnectionFields() throws Exception {
        FabricsOptions parameters = FabricsOptions.builder().set(FabricsOption.HOSTNQN, HOSTNQN).build();

        assertThatThrownBy(() -> request("transport=loop;nqn=nqn.2024-01.com.example:l", ConnectIdentity.none(), parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters must not set hostnqn: it comes from the TID or the identity");
    }
}
