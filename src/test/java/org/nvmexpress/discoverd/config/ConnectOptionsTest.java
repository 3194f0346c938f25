package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The {@code nvme connect} options of a connection (reference §3.4): TID fields in fixed order, then
 * parameters in first-insertion order, resets and false booleans left out; and three deliberate
 * differences: a persona's {@code --hostid} (§15 item 26), no {@code --persistent} (§15 item 25),
 * and secrets kept out of the arguments.
 */
final class ConnectOptionsTest {
    private static final TransportId MAIN_VOL = TransportId.builder().transport("tcp").traddr("10.0.0.9").trsvcid("4420")
            .nqn("nqn.2014-08.org.nvmexpress:main-vol").build();
    private static final String SECRET = "DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";

    @TempDir
    Path dir;

    private static Params params(String... keyValues) {
        Params p = Params.EMPTY;
        for (int i = 0; i < keyValues.length; i += 2) {
            p = p.with(FabricsKey.forName(keyValues[i]).orElseThrow(), keyValues[i + 1]);
        }
        return p;
    }

    private static ConnectOptions optionsOf(ResolvedConnection c) {
        return ConnectOptions.of(c.tid().orElseThrow(), c.hostid(), c.params());
    }

    @Test
    void theMainSubsystemEmitsTidFieldsThenParamsWithBareBooleans() throws IOException {
        ResolvedConnection mainVol = new FabricsTree(dir).loadReadFixture().connections().get(1);
        assertThat(optionsOf(mainVol).arguments()).as("reference Appendix A.3, without the daemon's own options")
                .containsExactly("--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420",
                        "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--ctrl-loss-tmo=600", "--keep-alive-tmo=5", "--tls");
    }

    @Test
    void aPersonaConnectionEmitsHostnqnAndHostidAndSkipsTheReset() throws IOException {
        ResolvedConnection prodVol = new FabricsTree(dir).loadReadFixture().connections().get(2);
        ConnectOptions options = optionsOf(prodVol);
        assertThat(options.arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.7", "--trsvcid=4420",
                "--nqn=nqn.2014-08.org.nvmexpress:prod-vol", "--hostnqn=nqn.2014-08.org.nvmexpress:prod-host",
                "--hostid=46ba5037-7ce5-41fa-9452-48477bf00080", "--ctrl-loss-tmo=1800", "--keep-alive-tmo=5");
        assertThat(prodVol.tid().orElseThrow().unitName().value()).isEqualTo("nvme-discoverd-4e8c2853b6ab.service");
    }

    @Test
    void everyTidFieldComesInCanonicalOrder() {
        TransportId tid = TransportId.builder().hostIface("eth0").hostTraddr("192.168.1.2").nqn("nqn.2014-08.org.nvmexpress:v")
                .trsvcid("4420").traddr("192.168.1.20").transport("tcp").hostnqn("nqn.2014-08.org.nvmexpress:h").build();
        assertThat(ConnectOptions.of(tid, null, Params.EMPTY).arguments()).containsExactly("--transport=tcp",
                "--traddr=192.168.1.20", "--trsvcid=4420", "--nqn=nqn.2014-08.org.nvmexpress:v",
                "--host-traddr=192.168.1.2", "--host-iface=eth0", "--hostnqn=nqn.2014-08.org.nvmexpress:h");
    }

    @Test
    void aHostidAlreadyInTheTidIsNotRepeated() {
        TransportId tid = MAIN_VOL.toBuilder().hostnqn("nqn.2014-08.org.nvmexpress:h")
                .hostid("46ba5037-7ce5-41fa-9452-48477bf00080").build();
        assertThat(ConnectOptions.of(tid, "ffffffff-7ce5-41fa-9452-48477bf00080", Params.EMPTY).arguments())
                .filteredOn(a -> a.startsWith("--hostid=")).containsExactly("--hostid=46ba5037-7ce5-41fa-9452-48477bf00080");
    }

    @Test
    void booleansAreBareWhenTrueAndLeftOutWhenFalse() {
        Params p = params("duplicate-connect", "yes", "disable-sqflow", "off", "hdr-digest", "1", "data-digest", "FALSE",
                "tls", "On", "concat", "n");
        assertThat(ConnectOptions.of(MAIN_VOL, null, p).arguments()).endsWith("--duplicate-connect", "--hdr-digest", "--tls")
                .noneMatch(a -> a.contains("sqflow") || a.contains("data-digest") || a.contains("concat"));
    }

    @Test
    void valuesArePassedAsWrittenInInsertionOrderAndResetsAreLeftOut() {
        Params p = params("nr-io-queues", "0x10", "tos", "", "ctrl-loss-tmo", "-1", "queue-size", "0200",
                "keyring", ".nvme", "tls-key-identity", "NVMe1R02 my-id", "reconnect-delay", "");
        assertThat(ConnectOptions.of(MAIN_VOL, null, p).arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.9",
                "--trsvcid=4420", "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--nr-io-queues=0x10", "--ctrl-loss-tmo=-1",
                "--queue-size=0200", "--keyring=.nvme", "--tls-key-identity=NVMe1R02 my-id");
    }

    @Test
    void persistentIsNeverAConnectOption() throws IOException {
        FabricsTree tree = new FabricsTree(dir);
        tree.main("[Discovery Controller Defaults]\npersistent = force\nkeep-alive-tmo = 30\n[Discovery Controller]\n"
                + "controller = transport=tcp;traddr=10.0.0.5;persistent=no\n");
        ResolvedConnection dc = tree.load().connections().get(0);
        assertThat(dc.persistence()).isEqualTo(Persistence.NO);
        assertThat(optionsOf(dc).arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.5", "--trsvcid=8009",
                "--nqn=nqn.2014-08.org.nvmexpress.discovery", "--keep-alive-tmo=30");
    }

    @Test
    void secretsAreKeptOutOfTheArgumentsAndHandedOverApart() {
        Params p = params("kxchap-ctrl-secret", "DHHC-1:01:ctrl:", "tos", "1", "tls-key", "NVMeTLSkey-1:01:abc:",
                "kxchap-secret", SECRET);
        ConnectOptions options = ConnectOptions.of(MAIN_VOL, null, p);
        assertThat(options.arguments()).containsExactly("--transport=tcp", "--traddr=10.0.0.9", "--trsvcid=4420",
                "--nqn=nqn.2014-08.org.nvmexpress:main-vol", "--tos=1");
        assertThat(options.secrets()).containsExactly(Map.entry(FabricsKey.KXCHAP_CTRL_SECRET, "DHHC-1:01:ctrl:"),
                Map.entry(FabricsKey.TLS_KEY, "NVMeTLSkey-1:01:abc:"), Map.entry(FabricsKey.KXCHAP_SECRET, SECRET));
    }

    @Test
    void aResetSecretIsNoSecretAtAll() {
        assertThat(ConnectOptions.of(MAIN_VOL, null, params("kxchap-secret", "")).secrets()).isEmpty();
    }

    @Test
    void toStringNamesSecretsButNeverShowsThem() {
        ConnectOptions options = ConnectOptions.of(MAIN_VOL, null, params("kxchap-secret", SECRET, "tls", "yes"));
        assertThat(options).hasToString("ConnectOptions[--transport=tcp, --traddr=10.0.0.9, --trsvcid=4420,"
                + " --nqn=nqn.2014-08.org.nvmexpress:main-vol, --tls] + secrets [KXCHAP_SECRET]");
        assertThat(ConnectOptions.of(MAIN_VOL, null, Params.EMPTY)).hasToString("ConnectOptions[--transport=tcp,"
                + " --traddr=10.0.0.9, --trsvcid=4420, --nqn=nqn.2014-08.org.nvmexpress:main-vol]");
    }

    @Test
    void itsCollectionsAreImmutable() {
        ConnectOptions options = ConnectOptions.of(MAIN_VOL, null, params("kxchap-secret", SECRET));
        assertThatThrownBy(() -> options.arguments().add("--x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.secrets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(options.secrets().values())).containsExactly(SECRET);
    }
}
