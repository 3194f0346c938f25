package org.nvmexpress.discoverd.kernel.admin;

import java.nio.file.Path;
import java.util.Objects;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.ErrnoException;

/**
 * The production {@link DiscoveryLogSource}: opens {@code <root>/dev/<device>} for each fetch, reads
 * the page with the fetch protocol over {@link AdminLogPageReader}, and closes the device again
 * (reference §5.1). Nothing is kept open between fetches: a discovery controller may go away at any
 * time, and an open descriptor would hold its character device. A device that cannot be opened is
 * {@link FetchResult.DeviceUnavailable}; once it is open, the fetch's own outcome is the answer and
 * the device is closed whatever happens. Thread-safe: each fetch has its own handle.
 */
public final class DeviceDiscoveryLogs implements DiscoveryLogSource {
    private final Path dev;
    private final Ioctl ioctl;
    private final DiscoveryLogFetcher fetcher;

    public DeviceDiscoveryLogs(Path root, Ioctl ioctl, DiscoveryLogFetcher fetcher) {
        this.dev = Objects.requireNonNull(root, "root").resolve("dev");
        this.ioctl = Objects.requireNonNull(ioctl, "ioctl");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** The source on the real system calls under {@code root}, with the default record limit. */
    public static DeviceDiscoveryLogs of(Path root) {
        return new DeviceDiscoveryLogs(root, new LibcIoctl(), new DiscoveryLogFetcher());
    }

    @Override
    public FetchResult fetch(String device) {
        Objects.requireNonNull(device, "device");
        AdminPassthrough controller;
        try {
            controller = AdminPassthrough.open(ioctl, dev.resolve(device));
        } catch (ErrnoException e) {
            return new FetchResult.DeviceUnavailable(device, e.getMessage());
        }
        // finally, not after the fetch: an unchecked exception out of the fetch (JNA, a broken port)
        // must not leak the descriptor, or every AEN of a failing DC would cost the daemon one.
        try {
            return fetcher.fetch(new AdminLogPageReader(controller));
        } finally {
            closeQuietly(controller);
        }
    }

    /**
     * A failed close changes nothing the fetch found: every command had completed before it, and
     * Linux releases the descriptor even when close reports an error (close(2)), so there is nothing
     * to retry and nothing leaked. The page stands, and so does a read failure, which says more than
     * the close would.
     */
    private static void closeQuietly(AdminPassthrough controller) {
        try {
            controller.close();
        } catch (ErrnoException ignored) {
            // Deliberately dropped; see above.
        }
    }
}
