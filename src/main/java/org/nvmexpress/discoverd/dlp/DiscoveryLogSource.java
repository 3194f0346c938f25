package org.nvmexpress.discoverd.dlp;

/**
 * The port the daemon reads a discovery controller's log page through (ARCHITECTURE §5,
 * {@code DiscoveryLogReader}): open the controller's character device, fetch a consistent page
 * with {@link DiscoveryLogFetcher}, close it. In production the NVMe admin passthrough ioctl on
 * {@code /dev/nvmeN} (package {@code kernel.admin}); in tests and the simulated host a scripted
 * fabric. Blocks until the controller answers, so the daemon calls it from a worker, never from
 * its loop. Every outcome, a device that cannot be opened included, is a {@link FetchResult}.
 */
@FunctionalInterface
public interface DiscoveryLogSource {

    /**
     * Reads the log page of the discovery controller {@code device}.
     *
     * @param device the controller's device name, e.g. {@code nvme3}
     */
    FetchResult fetch(String device);
}
