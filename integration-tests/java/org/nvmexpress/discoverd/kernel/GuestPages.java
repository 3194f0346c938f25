package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;

/**
 * How the guest checks read a discovery controller's log page the way the daemon does: through the
 * {@link DiscoveryLogSource} port, here its production adapter on the guest's real {@code /dev},
 * and how they report what came back.
 */
final class GuestPages {
    private GuestPages() {
    }

    /**
     * Fetches {@code device}'s page and reports {@code <key>.result}, {@code <key>.genctr} and
     * {@code <key>.entries} (see {@link #entries}); anything but a page fails the check.
     */
    static FetchResult.Fetched fetch(DiscoveryLogSource source, String device, GuestReport report, String key) {
        FetchResult result = source.fetch(device);
        report.put(key + ".result", result.describe());
        if (!(result instanceof FetchResult.Fetched fetched)) {
            throw new AssertionError("no Discovery Log Page from " + device + " (" + key + "): " + result.describe());
        }
        report.put(key + ".genctr", Long.toUnsignedString(fetched.page().genctr()));
        report.put(key + ".entries", entries(fetched));
        return fetched;
    }

    /** One {@code <subtype> <trsvcid> <subnqn>} per entry, in page order, joined by {@code "; "}. */
    static String entries(FetchResult.Fetched fetched) {
        return fetched.page().entries().stream().map(GuestPages::entry).collect(Collectors.joining("; "));
    }

    private static String entry(DiscoveryLogEntry e) {
        return e.kind().key() + " " + e.trsvcid() + " " + e.subnqn();
    }

    /**
     * How many of this JVM's descriptors are open on {@code device}: after a fetch through the port
     * there must be none (it closes what it opened).
     */
    static long descriptorsOn(Path device) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> device.equals(target(fd))).count();
        }
    }

    /** Where a descriptor points, or null once it is gone (the listing's own one closes meanwhile). */
    private static Path target(Path fd) {
        try {
            return Files.readSymbolicLink(fd);
        } catch (IOException e) {
            return null;
        }
    }
}
