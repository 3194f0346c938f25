package org.nvmexpress.discoverd.mdns;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notices an address announced on two interfaces: two links reach the same host, a network
 * misconfiguration (nvme-stas logs it too) that makes the DC's connections race over both. Said
 * once per address, so a record re-announced every two minutes costs one line per run, not a line
 * per announcement.
 *
 * <p>Bounded: at most {@link #MAX_ADDRESSES} addresses are remembered; past that, new ones are not
 * checked (a link announcing that many DCs is itself the problem to see). Not thread-safe: the
 * daemon uses it on its loop.
 */
public final class InterfaceConflicts {
    static final int MAX_ADDRESSES = 4096;

    private final Map<String, String> firstInterface = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    /** The line to log when {@code instance} is the first sighting of its address on a second interface; else empty. */
    public Optional<String> seen(ServiceInstance instance) {
        String address = instance.address();
        String iface = instance.key().interfaceName();
        String first = firstInterface.get(address);
        if (first == null) {
            if (firstInterface.size() < MAX_ADDRESSES) {
                firstInterface.put(address, iface);
            }
            return Optional.empty();
        }
        if (first.equals(iface) || reported.contains(address)) {
            return Optional.empty();
        }
        reported.add(address);
        return Optional.of("address " + Announcements.quoted(address) + " is announced on interfaces "
                + Announcements.quoted(first) + " and " + Announcements.quoted(iface)
                + ": a network misconfiguration (two links to one host)");
    }
}
