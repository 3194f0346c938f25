package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nvmexpress.discoverd.config.FabricsKey.CTRL_LOSS_TMO;
import static org.nvmexpress.discoverd.config.FabricsKey.KEEP_ALIVE_TMO;
import static org.nvmexpress.discoverd.config.FabricsKey.KXCHAP_SECRET;
import static org.nvmexpress.discoverd.config.FabricsKey.TLS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-state, ordered parameter set of reference §8.6. */
final class ParamsTest {

    @Test
    void absentResetAndSetAreThreeStates() {
        Params p = Params.EMPTY.with(CTRL_LOSS_TMO, "600").with(KEEP_ALIVE_TMO, "");
        assertThat(p.get(TLS)).as("absent: inherit").isEmpty();
        assertThat(p.get(KEEP_ALIVE_TMO)).as("reset: omit, kernel default").contains("");
        assertThat(p.get(CTRL_LOSS_TMO)).contains("600");
        assertThat(p.entries().get(1).isReset()).isTrue();
        assertThat(p.entries().get(0).isReset()).isFalse();
    }

    @Test
    void withReplacesInPlaceAndAppendsNewKeys() {
        Params p = Params.EMPTY.with(CTRL_LOSS_TMO, "600").with(KEEP_ALIVE_TMO, "30").with(CTRL_LOSS_TMO, "1800");
        assertThat(p.toString()).isEqualTo("[ctrl-loss-tmo=1800, keep-alive-tmo=30]");
    }

    @Test
    void overlayLetsTheTopWinKeepsBaseOnlyKeysAndCarriesResets() {
        Params base = Params.EMPTY.with(CTRL_LOSS_TMO, "600").with(TLS, "true");
        Params top = Params.EMPTY.with(CTRL_LOSS_TMO, "1800").with(KEEP_ALIVE_TMO, "");
        assertThat(base.overlay(top).toString())
                .as("first-insertion order: replaced keys keep their place, new ones go last")
                .isEqualTo("[ctrl-loss-tmo=1800, tls=true, keep-alive-tmo=]");
    }

    @Test
    void overlayLeavesBothOperandsUnchanged() {
        Params base = Params.EMPTY.with(TLS, "true");
        Params top = Params.EMPTY.with(TLS, "false");
        Params merged = base.overlay(top);
        assertThat(base.get(TLS)).contains("true");
        assertThat(top.get(TLS)).contains("false");
        assertThat(merged.get(TLS)).contains("false");
    }

    @Test
    void overlayOfEmptyIsIdentity() {
        Params p = Params.EMPTY.with(TLS, "yes");
        assertThat(p.overlay(Params.EMPTY)).isEqualTo(p);
        assertThat(Params.EMPTY.overlay(p)).isEqualTo(p);
        assertThat(Params.EMPTY.isEmpty()).isTrue();
        assertThat(p.isEmpty()).isFalse();
    }

    @Test
    void onlyConnectionParametersCanBeStored() {
        for (FabricsKey key : List.of(FabricsKey.HOSTNQN, FabricsKey.HOSTID, FabricsKey.HOSTSYMNAME, FabricsKey.NQN,
                FabricsKey.CONTROLLER)) {
            assertThatThrownBy(() -> Params.EMPTY.with(key, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a connection parameter: " + key.configName());
        }
        assertThat(Params.EMPTY.with(FabricsKey.PERSISTENT, "auto").get(FabricsKey.PERSISTENT)).contains("auto");
    }

    @Test
    void aKeyCannotAppearTwice() {
        List<Params.Param> twice = List.of(new Params.Param(TLS, "yes"), new Params.Param(TLS, "no"));
        assertThatThrownBy(() -> new Params(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a key appears twice: [tls=yes, tls=no]");
    }

    @Test
    void entriesAreACopy() {
        List<Params.Param> list = new ArrayList<>(List.of(new Params.Param(TLS, "yes")));
        Params p = new Params(list);
        list.clear();
        assertThat(p.entries()).hasSize(1);
        assertThatThrownBy(() -> p.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNeverShowsASecret() {
        Params p = Params.EMPTY.with(KXCHAP_SECRET, "DHHC-1:00:c2VjcmV0:").with(TLS, "yes")
                .with(FabricsKey.TLS_KEY, "NVMeTLSkey-1:01:abc:").with(FabricsKey.KXCHAP_CTRL_SECRET, "DHHC-1:01:x:");
        assertThat(p.toString()).isEqualTo("[kxchap-secret=<secret>, tls=yes, tls-key=<secret>, kxchap-ctrl-secret=<secret>]");
        assertThat(p.entries().get(0).toString()).isEqualTo("kxchap-secret=<secret>");
    }

    @Test
    void aResetSecretShowsAsEmpty() {
        assertThat(Params.EMPTY.with(KXCHAP_SECRET, "").toString()).isEqualTo("[kxchap-secret=]");
    }
}
