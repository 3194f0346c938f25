package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;

/**
 * The controllers in sysfs as the loop last heard of them, so that a retry or a reconnect needs no
 * directory scan (the C daemon rescans {@code /sys/class/nvme} in every gate call, reference §1.9):
 * filled from the start-up survey, changed by {@code add} (after the device settled, read off the
 * loop) and {@code remove} uevents, replaced by a full rescan when uevents were lost. Indexed by
 * device and by subsystem NQN, so "the live controller of this candidate" compares only the few
 * controllers of its subsystem (and, for a discovery candidate, the discovery controllers, which
 * report their unique NQN).
 *
 * <p>Loop-confined.
 */
final class LiveView {
    private final EventLoop loop;
    private final Identity identity;
    private final Map<DeviceName, LiveController> byDevice = new HashMap<>();
    private final Map<String, Set<DeviceName>> byNqn = new HashMap<>();
    private final Set<DeviceName> discovery = new LinkedHashSet<>();

    LiveView(EventLoop loop, Identity identity) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** Records {@code live} as the controller now on its device (replacing what was there). */
    void put(LiveController live) {
        assert loop.inLoop();
        remove(live.device());
        byDevice.put(live.device(), live);
        byNqn.computeIfAbsent(String.valueOf(live.subsysnqn()), k -> new LinkedHashSet<>()).add(live.device());
        if (live.isDiscovery() || live.cntrltype() == null) {
            discovery.add(live.device());
        }
    }

    void remove(DeviceName device) {
        assert loop.inLoop();
        LiveController old = byDevice.remove(device);
        if (old != null) {
            Set<DeviceName> bucket = byNqn.get(String.valueOf(old.subsysnqn()));
            if (bucket != null && bucket.remove(device) && bucket.isEmpty()) {
                byNqn.remove(String.valueOf(old.subsysnqn()));
            }
            discovery.remove(device);
        }
    }

    /** Replaces everything with {@code controllers}, except the devices in {@code keep}, which stay as they are. */
    void replaceAll(Collection<LiveController> controllers, Set<DeviceName> keep) {
        assert loop.inLoop();
        for (DeviceName device : List.copyOf(byDevice.keySet())) {
            if (!keep.contains(device)) {
                remove(device);
            }
        }
        controllers.stream().filter(c -> !keep.contains(c.device())).forEach(this::put);
    }

    Optional<LiveController> get(DeviceName device) {
        assert loop.inLoop();
        return Optional.ofNullable(byDevice.get(device));
    }

    /** The first live controller (in device order) that realises {@code candidate}. */
    Optional<LiveController> find(Candidate candidate) {
        assert loop.inLoop();
        List<DeviceName> devices = new ArrayList<>(byNqn.getOrDefault(String.valueOf(candidate.tid().nqn()), Set.of()));
        if (ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN.equals(candidate.tid().nqn())) {
            devices.addAll(discovery);
        }
        return devices.stream().distinct().sorted().map(byDevice::get)
                .filter(live -> identity.realises(candidate, live)).findFirst();
    }

    /** Every device known, in instance order, for a rescan's comparison. */
    List<DeviceName> devices() {
        assert loop.inLoop();
        return byDevice.keySet().stream().sorted().toList();
    }
}
