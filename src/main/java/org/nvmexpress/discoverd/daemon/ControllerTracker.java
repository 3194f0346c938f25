package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.nvmexpress.discoverd.config.ResolvedConnection;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Every desired controller the loop follows, indexed three ways so no event costs a scan (the C
 * daemon's {@code ctrl_find_by_unit}/{@code ctrl_find_by_devname} walk a list, STYLE §8): by unit
 * name, by device name once linked, and by subsystem NQN for "which tracked controller does this
 * new device realise?". Keeps the count per state, so the status line is O(1).
 *
 * <p>{@link Listener}s hear of every change of state or device, so discovery can follow its
 * discovery controllers without a hook in each place that connects or loses one.
 *
 * <p>Loop-confined: every method asserts it runs on the loop.
 */
final class ControllerTracker {
    /** Told, on the loop and after the change, when a tracked controller changes. */
    interface Listener {
        /** Its state was set (to a new value or the same), or it was linked to a device. */
        void changed(TrackedController controller);

        /** It lost its device: removed, or the name now belongs to another controller. */
        void deviceLost(TrackedController controller);

        /** It is no longer tracked. */
        void forgotten(TrackedController controller);
    }

    private final EventLoop loop;
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<UnitName, TrackedController> byUnit = new LinkedHashMap<>();
    private final Map<DeviceName, TrackedController> byDevice = new HashMap<>();
    private final Map<String, Set<UnitName>> byNqn = new HashMap<>();
    private final EnumMap<ControllerState, Integer> counts = new EnumMap<>(ControllerState.class);

    ControllerTracker(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** Adds a listener, told after those added before it; when the daemon is built. */
    void listen(Listener value) {
        listeners.add(Objects.requireNonNull(value, "value"));
    }

    /** Starts following {@code candidate} in {@code state}; the unit must not be tracked yet. */
    TrackedController track(Candidate candidate, ControllerState state) {
        assert loop.inLoop();
        TrackedController controller = new TrackedController(candidate, state);
        controller.sinceNanos = loop.nowNanos();
        if (byUnit.putIfAbsent(candidate.unit(), controller) != null) {
            throw new IllegalStateException("already tracked: " + candidate.unit());
        }
        byNqn.computeIfAbsent(nqnKey(candidate), k -> new LinkedHashSet<>()).add(candidate.unit());
        counts.merge(state, 1, Integer::sum);
        return controller;
    }

    /** Stops following it: unlinks its device and cancels its timer. Its unit is left as it is. */
    void forget(TrackedController controller) {
        assert loop.inLoop();
        if (byUnit.remove(controller.unit(), controller)) {
            controller.device().ifPresent(d -> byDevice.remove(d, controller));
            Set<UnitName> bucket = byNqn.get(nqnKey(controller.candidate()));
            if (bucket != null && bucket.remove(controller.unit()) && bucket.isEmpty()) {
                byNqn.remove(nqnKey(controller.candidate()));
            }
            counts.merge(controller.state(), -1, Integer::sum);
            controller.cancelNextAttempt();
            tellForgotten(controller);
        }
    }

    Optional<TrackedController> get(UnitName unit) {
        assert loop.inLoop();
        return Optional.ofNullable(byUnit.get(unit));
    }

    Optional<TrackedController> byDevice(DeviceName device) {
        assert loop.inLoop();
        return Optional.ofNullable(byDevice.get(device));
    }

    /** Every tracked controller, in the order they were first tracked. */
    Collection<TrackedController> all() {
        assert loop.inLoop();
        return List.copyOf(byUnit.values());
    }

    boolean contains(UnitName unit) {
        assert loop.inLoop();
        return byUnit.containsKey(unit);
    }

    int size() {
        assert loop.inLoop();
        return byUnit.size();
    }

    void setState(TrackedController controller, ControllerState state) {
        assert loop.inLoop();
        if (controller.state() != state) {
            counts.merge(controller.state(), -1, Integer::sum);
            counts.merge(state, 1, Integer::sum);
            controller.setState(state);
            controller.sinceNanos = loop.nowNanos();
        }
        tellChanged(controller);
    }

    /**
     * Links {@code device} to {@code controller}. Whatever else was linked to either is unlinked
     * and returned: the controller that had this device name before (a recycled name, reference
     * §15 item 31) is no longer on it.
     */
    Optional<TrackedController> link(TrackedController controller, DeviceName device) {
        assert loop.inLoop();
        controller.device().ifPresent(old -> byDevice.remove(old, controller));
        TrackedController previous = byDevice.put(device, controller);
        controller.setDevice(device);
        tellChanged(controller);
        if (previous != null && previous != controller) {
            previous.setDevice(null);
            tellDeviceLost(previous);
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    /** Unlinks the controller on {@code device}, if one is; returns it. */
    Optional<TrackedController> unlink(DeviceName device) {
        assert loop.inLoop();
        TrackedController controller = byDevice.remove(device);
        if (controller != null) {
            controller.setDevice(null);
            tellDeviceLost(controller);
        }
        return Optional.ofNullable(controller);
    }

    /**
     * The tracked controller that {@code live} realises, judged by {@code realises}; only the
     * controllers with the live subsystem NQN are compared, and for a discovery controller also
     * those desired under the well-known discovery NQN (it reports its unique NQN, reference §4.3).
     */
    Optional<TrackedController> realisedBy(LiveController live, BiPredicate<Candidate, LiveController> realises) {
        assert loop.inLoop();
        List<UnitName> units = new ArrayList<>(byNqn.getOrDefault(String.valueOf(live.subsysnqn()), Set.of()));
        if (live.isDiscovery() || live.cntrltype() == null) {
            units.addAll(byNqn.getOrDefault(ResolvedConnection.WELL_KNOWN_DISCOVERY_NQN, Set.of()));
        }
        for (UnitName unit : units) {
            TrackedController controller = byUnit.get(unit);
            if (realises.test(controller.candidate(), live)) {
                return Optional.of(controller);
            }
        }
        return Optional.empty();
    }

    /** How many controllers are in each state (absent: none). */
    Map<ControllerState, Integer> counts() {
        assert loop.inLoop();
        Map<ControllerState, Integer> copy = new EnumMap<>(ControllerState.class);
        counts.forEach((state, n) -> {
            if (n > 0) {
                copy.put(state, n);
            }
        });
        return copy;
    }

    private void tellChanged(TrackedController controller) {
        for (Listener l : listeners) {
            l.changed(controller);
        }
    }

    private void tellDeviceLost(TrackedController controller) {
        for (Listener l : listeners) {
            l.deviceLost(controller);
        }
    }

    private void tellForgotten(TrackedController controller) {
        for (Listener l : listeners) {
            l.forgotten(controller);
        }
    }

    private static String nqnKey(Candidate candidate) {
        return String.valueOf(candidate.tid().nqn());
    }
}
