package org.nvmexpress.discoverd.kernel.fabrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class FabricsOptionsTest {
    private static final String SECRET = "DHHC-1:00:VGhpcyBpcyBub3QgYSByZWFsIGtleQ==:";

    @Test
    void renderWritesOptionsInKernelTableOrderWithBareFlags() throws Exception {
        FabricsOptions options = FabricsOptions.builder()
                .flag(FabricsOption.HDR_DIGEST, true)
                .set(FabricsOption.CTRL_LOSS_TMO, "600")
                .set(FabricsOption.NQN, "nqn.2014-08.org.nvmexpress:main-vol")
                .set(FabricsOption.TRANSPORT, "tcp")
                .flag(FabricsOption.TLS, true)
                .build();

        assertThat(options.render()).isEqualTo(
                "transport=tcp,nqn=nqn.2014-08.org.nvmexpress:main-vol,ctrl_loss_tmo=600,hdr_digest,tls");
    }

    @Test
    void setWritesIntegersInDecimal() throws Exception {
        FabricsOptions options = FabricsOptions.builder()
                .set(FabricsOption.QUEUE_SIZE, "0x80")
                .set(FabricsOption.CTRL_LOSS_TMO, "-1")
                .set(FabricsOption.TOS, "010")
                .build();

        assertThat(options.render()).isEqualTo("queue_size=128,ctrl_loss_tmo=-1,tos=8");
    }

    @Test
    void setRejectsAValueThatWouldSplitTheOptionString() {
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.HOST_IFACE, "eth0,duplicate_connect"))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("host_iface: 'eth0,duplicate_connect' contains ',', which separates the kernel's options");
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.NQN, "nqn.a\ntos=1"))
                .hasMessage("nqn: 'nqn.a\ntos=1' contains a line break");
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.NQN, "nqn\0"))
                .hasMessage("nqn: 'nqn\0' contains a NUL character");
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.HOSTNQN, ""))
                .hasMessage("hostnqn: '' is empty");
    }

    @Test
    void setRejectsAMalformedInteger() {
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.KEEP_ALIVE_TMO, "5s"))
                .isInstanceOf(ConnectArgumentException.class)
                .hasMessage("keep_alive_tmo: '5s' is not an integer (decimal, 0x hex or 0 octal, within 32 bits)");
    }

    @Test
    void setNeverPrintsASecretValue() {
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.DHCHAP_SECRET, SECRET + ",tls"))
                .hasMessage("dhchap_secret: the secret contains ',', which separates the kernel's options")
                .message().doesNotContain(SECRET);
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.TLS_KEY, "key"))
                .hasMessage("tls_key: the secret is not an integer (decimal, 0x hex or 0 octal, within 32 bits)");
    }

    @Test
    void redactedAndToStringHideSecrets() throws Exception {
        FabricsOptions options = FabricsOptions.builder()
                .set(FabricsOption.TRANSPORT, "tcp")
                .set(FabricsOption.DHCHAP_SECRET, SECRET)
                .set(FabricsOption.TLS_KEY, "0x2a")
                .set(FabricsOption.KEYRING, "7")
                .build();

        assertThat(options.render()).isEqualTo("transport=tcp,dhchap_secret=" + SECRET + ",keyring=7,tls_key=42");
        assertThat(options.redacted()).isEqualTo("transport=tcp,dhchap_secret=<secret>,keyring=7,tls_key=<secret>");
        assertThat(options).hasToString(options.redacted());
    }

    @Test
    void flagOffRemovesIt() {
        FabricsOptions options = FabricsOptions.builder().flag(FabricsOption.TLS, true).flag(FabricsOption.TLS, false)
                .build();

        assertThat(options.render()).isEmpty();
        assertThat(options.has(FabricsOption.TLS)).isFalse();
    }

    @Test
    void kindsAreEnforced() {
        assertThatThrownBy(() -> FabricsOptions.builder().set(FabricsOption.TLS, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls is a flag: use flag()");
        assertThatThrownBy(() -> FabricsOptions.builder().flag(FabricsOption.TOS, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tos is not a flag");
    }

    @Test
    void unsupportedByListsOptionsMissingFromTheTable() throws Exception {
        FabricsOptions options = FabricsOptions.builder()
                .set(FabricsOption.TRANSPORT, "tcp")
                .flag(FabricsOption.TLS, true)
                .flag(FabricsOption.CONCAT, true)
                .build();
        KernelOptionTable table = KernelOptionTable.parse(KernelOptionTableTest.LINUX_6_1).orElseThrow();

        assertThat(options.unsupportedBy(table)).containsExactly(FabricsOption.TLS, FabricsOption.CONCAT);
        assertThat(options.unsupportedBy(KernelOptionTable.unknown())).isEmpty();
    }

    @Test
    void toBuilderKeepsTheValues() throws Exception {
        FabricsOptions base = FabricsOptions.builder().set(FabricsOption.TOS, "3").build();

        FabricsOptions more = base.toBuilder().flag(FabricsOption.DATA_DIGEST, true).build();

        assertThat(more.render()).isEqualTo("data_digest,tos=3");
        assertThat(base.render()).isEqualTo("tos=3");
        assertThat(base).isEqualTo(FabricsOptions.builder().set(FabricsOption.TOS, "0x3").build());
    }
}
