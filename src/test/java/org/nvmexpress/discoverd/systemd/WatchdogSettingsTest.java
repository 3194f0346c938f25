package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class WatchdogSettingsTest {

    @Test
    void pingIntervalIsHalfTheTimeout() {
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "60000000"), 10))
                .contains(Duration.ofSeconds(30));
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "3"), 10)).contains(Duration.ofNanos(1_000));
    }

    @Test
    void pingIntervalNeedsOurPidWhenOneIsGiven() {
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "10"), 10))
                .contains(Duration.ofSeconds(30));
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "11"), 10))
                .isEmpty();
    }

    @Test
    void pingIntervalIsEmptyWithoutAUsableTimeout() {
        assertThat(WatchdogSettings.pingInterval(Map.of(), 10)).isEmpty();
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "1"), 10)).isEmpty();
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "-5"), 10)).isEmpty();
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "30s"), 10)).isEmpty();
        assertThat(WatchdogSettings.pingInterval(Map.of("WATCHDOG_USEC", "9999999999999999999"), 10)).isEmpty();
    }
}
