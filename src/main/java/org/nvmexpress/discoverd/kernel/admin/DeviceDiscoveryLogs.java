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
 * time, and an open descriptor would hold its character device. Thread-safe: each fetch has its
 * own handle.
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
        FetchResult result = fetcher.fetch(new AdminLogPageReader(controller));
        try {
            controller.close();
        } catch (ErrnoException e) {
            // The page was read in full before close failed; it stands. Say so rather than lose it.
            return result instanceof FetchResult.Fetched ? result
                    : new FetchResult.DeviceUnavailable(device, "close failed: " + e.getMessage());
        }
        return result;
    }
}
