package org.nvmexpress.discoverd.mdns;

import java.util.Optional;
import org.nvmexpress.discoverd.config.Zeroconf;

/**
 * Opens the browser a {@code zeroconf} setting asks for: the command line's picks avahi-daemon or
 * systemd-resolved (and for {@link Zeroconf#AUTO} whichever is there), the simulated host's its
 * own. Called at start-up and when a reload changes the setting; blocking (it may ask D-Bus or
 * varlink what is there), so the daemon calls it from a worker.
 */
@FunctionalInterface
public interface ServiceBrowsers {
    /** No browsing at all, whatever the setting: for hosts and tests without mDNS. */
    ServiceBrowsers NONE = mode -> Optional.empty();

    /**
     * The browser for {@code mode}, not started yet; empty for {@link Zeroconf#NO}, and for
     * {@link Zeroconf#AUTO} when neither service is there (said by the caller).
     */
    Optional<ServiceBrowser> open(Zeroconf mode);
}
