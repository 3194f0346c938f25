package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class NotifyAddressTest {

    @Test
    void parseReadsPathsAndAbstractNames() {
        assertThat(NotifyAddress.parse("/run/systemd/notify")).contains(new NotifyAddress(false, "/run/systemd/notify"));
        assertThat(NotifyAddress.parse("@/org/freedesktop/systemd1/notify/42"))
                .contains(new NotifyAddress(true, "/org/freedesktop/systemd1/notify/42"));
        assertThat(NotifyAddress.parse("@/x").orElseThrow()).hasToString("@/x");
    }

    @Test
    void parseRejectsWhatIsNoUnixSocket() {
        assertThat(NotifyAddress.parse("")).isEmpty();
        assertThat(NotifyAddress.parse("@")).isEmpty();
        assertThat(NotifyAddress.parse("relative/notify")).isEmpty();
        assertThat(NotifyAddress.parse("vsock:2:1234")).isEmpty();
        assertThat(NotifyAddress.parse("/run/a\0b")).isEmpty();
    }

    @Test
    void constructorRejectsARelativePath() {
        assertThatThrownBy(() -> new NotifyAddress(false, "notify"))
                .hasMessage("notify socket path is not absolute: 'notify'");
    }
}
