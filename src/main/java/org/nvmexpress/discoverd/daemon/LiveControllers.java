package org.nvmexpress.discoverd.daemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.IdentityMatch;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The seam between the decision code and the kernel package's answer to "which live controller
 * realises this TID?": {@link ConnectionIdentityMatcher#findFirst} over the controllers that are
 * not being deleted, in instance order. A linear scan per question for now; the kernel package's
 * index, which gives the same answer in constant time, replaces the body of {@link #find} and
 * nothing else.
 *
 * <p>A controller whose {@code state} is {@code deleting}, {@code deleting (no IO)} or
 * {@code dead} realises nothing: it is going away, and adopting it would track a corpse (the same
 * rule as {@link org.nvmexpress.discoverd.kernel.sysfs.SysfsLiveControllerLookup}). One that is
 * {@code connecting} or {@code resetting} is the kernel reconnecting it, and counts.
 *
 * <p>Immutable.
 */
final class LiveControllers {
    private static final Set<String> NOT_LIVE = Set.of("deleting", "deleting (no IO)", "dead");

    private final ConnectionIdentityMatcher matcher;
    private final List<LiveController> all;
    private final List<LiveController> usable;
    private final Map<DeviceName, LiveController> byDevice;

    LiveControllers(ConnectionIdentityMatcher matcher, List<LiveController> live) {
        this.matcher = matcher;
        this.all = List.copyOf(live);
        this.usable = all.stream().filter(c -> !NOT_LIVE.contains(String.valueOf(c.state()))).toList();
        Map<DeviceName, LiveController> index = new LinkedHashMap<>();
        usable.forEach(c -> index.putIfAbsent(c.device(), c));
        this.byDevice = Collections.unmodifiableMap(index);
    }

    List<LiveController> all() {
        return all;
    }

    /** The first usable controller that realises {@code identity} in {@code role}. */
    Optional<LiveController> find(TransportId identity, Role role) {
        return matcher.findFirst(identity, role, usable);
    }

    /** The usable controller called {@code device}, if there is one. */
    Optional<LiveController> device(DeviceName device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    IdentityMatch match(TransportId identity, Role role, LiveController live) {
        return matcher.match(identity, role, live);
    }
}
