package org.nvmexpress.discoverd.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.nvmexpress.discoverd.config.Zeroconf;
import org.nvmexpress.discoverd.mdns.AvahiBrowser;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
import org.nvmexpress.discoverd.mdns.ServiceBrowsers;
import org.nvmexpress.discoverd.varlink.ResolvedBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's browsers on a real host: {@code avahi} is avahi-daemon on the system bus,
 * {@code resolved} is systemd-resolved's varlink socket, and {@code auto} is resolved when it
 * offers {@code BrowseServices} (systemd 258 and later; upstream's C daemon uses it), else avahi
 * when {@code org.freedesktop.Avahi} has an owner (nvme-stas uses it), else none, said in the log.
 * Resolved comes first because it is systemd's own; a host running both should pick one in the
 * configuration.
 */
final class SystemServiceBrowsers implements ServiceBrowsers {
    private static final Logger LOG = LoggerFactory.getLogger(SystemServiceBrowsers.class);

    private final String busAddress;
    private final Path resolvedSocket;
    private final Predicate<Path> resolvedOffersBrowsing;
    private final Predicate<String> avahiPresent;

    SystemServiceBrowsers(String busAddress) {
        this(busAddress, ResolvedBrowser.SOCKET, ResolvedBrowser::offeredAt, AvahiBrowser::presentOn);
    }

    /** With the probes of {@code auto} given: tests answer them without a bus or a resolved. */
    SystemServiceBrowsers(String busAddress, Path resolvedSocket, Predicate<Path> resolvedOffersBrowsing,
            Predicate<String> avahiPresent) {
        this.busAddress = Objects.requireNonNull(busAddress, "busAddress");
        this.resolvedSocket = Objects.requireNonNull(resolvedSocket, "resolvedSocket");
        this.resolvedOffersBrowsing = Objects.requireNonNull(resolvedOffersBrowsing, "resolvedOffersBrowsing");
        this.avahiPresent = Objects.requireNonNull(avahiPresent, "avahiPresent");
    }

    @Override
    public Optional<ServiceBrowser> open(Zeroconf mode) {
        return switch (mode) {
            case NO -> Optional.empty();
            case AVAHI -> Optional.of(avahi());
            case RESOLVED -> Optional.of(resolved());
            case AUTO -> auto();
        };
    }

    private Optional<ServiceBrowser> auto() {
        if (resolvedOffersBrowsing.test(resolvedSocket)) {
            LOG.info("zeroconf = auto: browsing through systemd-resolved ({} offers BrowseServices)", resolvedSocket);
            return Optional.of(resolved());
        }
        if (avahiPresent.test(busAddress)) {
            LOG.info("zeroconf = auto: browsing through avahi-daemon (org.freedesktop.Avahi is on {})", busAddress);
            return Optional.of(avahi());
        }
        LOG.warn("zeroconf = auto: no mDNS browsing: neither systemd-resolved with BrowseServices at {} nor "
                + "avahi-daemon on {}", resolvedSocket, busAddress);
        return Optional.empty();
    }

    private ServiceBrowser avahi() {
        return new AvahiBrowser(busAddress);
    }

    private ServiceBrowser resolved() {
        return new ResolvedBrowser(resolvedSocket, ResolvedBrowser.RETRY_DELAY);
    }
}
