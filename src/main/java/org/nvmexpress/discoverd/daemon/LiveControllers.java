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
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerIndex;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The seam between the decision code and the kernel package's answer to "which live controller
 * realises this TID?": {@link ConnectionIdentityMatcher#findFirst} over the controllers that are
 * not being deleted, in instance order, answered by a {@link LiveControllerIndex} built once, so a
 * question costs the candidates in one bucket, not every live controller (the 10,000-controller
 * budget of ARCHITECTURE §11).
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
    private final LiveControllerIndex index;
    private final Map<DeviceName, LiveController> byDevice;

    LiveControllers(ConnectionIdentityMatcher matcher, List<LiveController> live) {
        this.matcher = matcher;
        this.all = List.copyOf(live);
        List<LiveController> usable = all.stream().filter(LiveControllers::isUsable).toList();
        this.index = LiveControllerIndex.of(matcher, usable);
        Map<DeviceName, LiveController> devices = new LinkedHashMap<>();
        usable.forEach(c -> devices.putIfAbsent(c.device(), c));
        this.byDevice = Collections.unmodifiableMap(devices);
    }

    /** False for a controller being deleted or dead: it realises nothing. */
    static boolean isUsable(LiveController controller) {
        return !NOT_LIVE.contains(String.valueOf(controller.state()));
    }

    List<LiveController> all() {
        return all;
    }

    /** The first usable controller that realises {@code identity} in {@code role}. */
    Optional<LiveController> find(TransportId identity, Role role) {
        return index.find(identity, role);
    }

    /** The usable controller called {@code device}, if there is one. */
    Optional<LiveController> device(DeviceName device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    IdentityMatch match(TransportId identity, Role role, LiveController live) {
        return matcher.match(identity, role, live);
    }
}
