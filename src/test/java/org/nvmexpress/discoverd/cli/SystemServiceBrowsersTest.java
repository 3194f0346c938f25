package org.nvmexpress.discoverd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.mdns.AvahiBrowser;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.varlink.ResolvedBrowser;

final class SystemServiceBrowsersTest {
    private static final String BUS = "unix:path=/nonexistent/bus";
    private static final Path SOCKET = Path.of("/nonexistent/io.systemd.Resolve");
    private final List<String> asked = new ArrayList<>();

    private SystemServiceBrowsers browsers(boolean resolvedBrowses, boolean avahiThere) {
        return new SystemServiceBrowsers(BUS, SOCKET, s -> {
            asked.add("resolved " + s);
            return resolvedBrowses;
        }, b -> {
            asked.add("avahi " + b);
            return avahiThere;
        });
    }

    private static Optional<String> backend(Optional<ServiceBrowser> browser) {
        browser.ifPresent(ServiceBrowser::close);
        return browser.map(ServiceBrowser::backend);
    }

    @Test
    void noMeansNoBrowserAndNoProbe() {
        assertThat(backend(browsers(true, true).open(Zeroconf.NO))).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void explicitBackendsNeedNoProbe() {
        assertThat(backend(browsers(false, false).open(Zeroconf.AVAHI))).contains("avahi");
        assertThat(backend(browsers(false, false).open(Zeroconf.RESOLVED))).contains("resolved");
        assertThat(asked).isEmpty();
    }

    @Test
    void autoPrefersResolvedWhenItBrowses() {
        assertThat(backend(browsers(true, true).open(Zeroconf.AUTO))).contains("resolved");
        assertThat(asked).containsExactly("resolved " + SOCKET);
    }

    @Test
    void autoFallsBackToAvahiWhenItIsOnTheBus() {
        assertThat(backend(browsers(false, true).open(Zeroconf.AUTO))).contains("avahi");
        assertThat(asked).containsExactly("resolved " + SOCKET, "avahi " + BUS);
    }

    @Test
    void autoWithNeitherIsNoBrowser() {
        assertThat(backend(browsers(false, false).open(Zeroconf.AUTO))).isEmpty();
    }

    @Test
    void realProbesSayNoWhenNothingIsThere() {
        assertThat(backend(new SystemServiceBrowsers(BUS, SOCKET, ResolvedBrowser::offeredAt, AvahiBrowser::presentOn)
                .open(Zeroconf.AUTO))).isEmpty();
    }
}
