package org.nvmexpress.discoverd.mdns;

import java.util.function.Consumer;

/**
 * The port through which the daemon learns of discovery controllers announced with DNS-SD
 * ({@code _nvme-disc._tcp} and {@code _nvme-disc._udp} on every interface). Adapters: avahi-daemon
 * over D-Bus, systemd-resolved over varlink ({@code io.systemd.Resolve.BrowseServices}), and the
 * simulated host's. Every method returns at once; events arrive on the adapter's thread.
 */
public interface ServiceBrowser extends AutoCloseable {

    /** The backend, for the status and the log: {@code avahi}, {@code resolved}, {@code simulated}. */
    String backend();

    /**
     * Starts browsing; every event goes to {@code sink} from then on, until {@link #close()}. A
     * backend not running yet is not an error: {@link BrowseEvent.BrowserLost} comes first, then
     * {@link BrowseEvent.BrowserBack} when it appears.
     */
    void start(Consumer<BrowseEvent> sink);

    /** Stops browsing; no event after this returns. */
    @Override
    void close();
}
