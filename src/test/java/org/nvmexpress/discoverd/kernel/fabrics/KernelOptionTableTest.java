package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The probe lines are what {@code __nvmf_concat_opt_tokens} prints for the {@code opt_tokens} table
 * of {@code drivers/nvme/host/fabrics.c}: 6.1 (DH-HMAC-CHAP, no TLS), and a recent kernel built with
 * {@code CONFIG_NVME_TCP_TLS} and {@code CONFIG_NVME_HOST_AUTH} (keyring and tls_key before
 * fast_io_fail_tmo, tls and concat last).
 */
final class KernelOptionTableTest {
    static final String LINUX_6_1 = "instance=-1,cntlid=-1,transport=%s,traddr=%s,trsvcid=%s,nqn=%s,queue_size=%d,"
            + "nr_io_queues=%d,reconnect_delay=%d,ctrl_loss_tmo=%d,keep_alive_tmo=%d,hostnqn=%s,host_traddr=%s,"
            + "host_iface=%s,hostid=%s,duplicate_connect,disable_sqflow,hdr_digest,data_digest,nr_write_queues=%d,"
            + "nr_poll_queues=%d,tos=%d,fast_io_fail_tmo=%d,discovery,dhchap_secret=%s,dhchap_ctrl_secret=%s\n";
    static final String LINUX_TLS = "instance=-1,cntlid=-1,transport=%s,traddr=%s,trsvcid=%s,nqn=%s,queue_size=%d,"
            + "nr_io_queues=%d,reconnect_delay=%d,ctrl_loss_tmo=%d,keep_alive_tmo=%d,hostnqn=%s,host_traddr=%s,"
            + "host_iface=%s,hostid=%s,duplicate_connect,disable_sqflow,hdr_digest,data_digest,nr_write_queues=%d,"
            + "nr_poll_queues=%d,tos=%d,keyring=%d,tls_key=%d,fast_io_fail_tmo=%d,discovery,dhchap_secret=%s,"
            + "dhchap_ctrl_secret=%s,tls,concat\n";

    @Test
    void parseKeepsTheOptionNamesOfA61Kernel() {
        KernelOptionTable table = KernelOptionTable.parse(LINUX_6_1).orElseThrow();

        assertThat(table.isKnown()).isTrue();
        assertThat(table.names()).containsExactlyInAnyOrder("transport", "traddr", "trsvcid", "nqn", "queue_size",
                "nr_io_queues", "reconnect_delay", "ctrl_loss_tmo", "keep_alive_tmo", "hostnqn", "host_traddr",
                "host_iface", "hostid", "duplicate_connect", "disable_sqflow", "hdr_digest", "data_digest",
                "nr_write_queues", "nr_poll_queues", "tos", "fast_io_fail_tmo", "discovery", "dhchap_secret",
                "dhchap_ctrl_secret");
        assertThat(table.supports("tls")).isFalse();
        assertThat(table.supports("instance")).as("placeholder, not an option").isFalse();
    }

    @Test
    void everyConnectorOptionIsInARecentTlsKernelsTable() {
        KernelOptionTable table = KernelOptionTable.parse(LINUX_TLS).orElseThrow();

        assertThat(Arrays.stream(FabricsOption.values()).map(FabricsOption::token))
                .allMatch(table::supports);
    }

    @Test
    void unknownTableSupportsEverything() {
        KernelOptionTable table = KernelOptionTable.unknown();

        assertThat(table.isKnown()).isFalse();
        assertThat(table.supports("concat")).isTrue();
        assertThat(table).hasToString("kernel options unknown");
    }

    @Test
    void parseOfSomethingElseIsNoTable() {
        assertThat(KernelOptionTable.parse("instance=3,cntlid=1\n")).isEmpty();
        assertThat(KernelOptionTable.parse("")).isEmpty();
        assertThat(KernelOptionTable.parse("\u0000\u00ff garbage")).isEmpty();
    }
}
