package org.nvmexpress.discoverd.daemon;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status interface's event stream ({@code Monitor}): one {@link DaemonEvent} for each change of
 * a controller's state the tracker reports (so no place that connects, fails, parks or gives a
 * controller up needs a hook of its own), and for what {@link #announce} is told besides (a reload,
 * a discovery log that lists other controllers now).
 *
 * <p>A controller's event comes once per change: its last announced state is remembered, so the
 * tracker's repeated notifications (a device linked, the same state set again) stay quiet. The
 * message is the reason the daemon logged with the change, never a connect option: no secret.
 *
 * <p>Subscribers are added and removed from any thread; events are delivered on the loop thread,
 * in order, to every subscriber. A subscriber must not block (it queues the event for its client);
 * one that throws is dropped and logged, and the loop goes on.
 */
final class ControlEvents implements ControllerTracker.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ControlEvents.class);

    /** What the loop last announced of one controller. */
    private record Seen(ControllerState state, boolean requested, DeviceName device) {
    }

    /** One subscription; its identity tells two subscriptions of the same listener apart. */
    private static final class Subscriber {
        final Consumer<DaemonEvent> listener;

        Subscriber(Consumer<DaemonEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }
    }

    private final EventLoop loop;
    private final WallTime wall;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<TrackedController, Seen> seen = new IdentityHashMap<>();

    ControlEvents(EventLoop loop, WallTime wall) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.wall = Objects.requireNonNull(wall, "wall");
    }

    /** From any thread. */
    DaemonControl.Subscription subscribe(Consumer<DaemonEvent> listener) {
        Subscriber subscriber = new Subscriber(listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void changed(TrackedController c) {
        assert loop.inLoop();
        boolean requested = c.state() == ControllerState.STARTING && c.pending == TrackedController.Pending.REQUEST;
        Seen before = seen.put(c, new Seen(c.state(), requested, c.device().orElse(null)));
        if (before != null && before.state() == c.state() && before.requested() == requested) {
            return;
        }
        kindOf(c.state(), requested).ifPresent(kind -> announce(kind, c, messageOf(c)));
    }

    @Override
    public void deviceLost(TrackedController c) {
        assert loop.inLoop();
        Seen before = seen.get(c);
        DeviceName device = before == null ? null : before.device();
        if (before != null) {
            seen.put(c, new Seen(before.state(), before.requested(), null));
        }
        if (!subscribers.isEmpty()) {
            deliver(new DaemonEvent(wall.nowMicros(), "removed", Optional.of(c.unit().value()),
                    Optional.ofNullable(device).map(DeviceName::value), "its device went away"));
        }
    }

    @Override
    public void forgotten(TrackedController c) {
        assert loop.inLoop();
        seen.remove(c);
        announce("dropped", c, "no longer desired; its unit and connection stay as they are");
    }

    /** An event about {@code about}. */
    void announce(String kind, TrackedController about, String message) {
        assert loop.inLoop();
        if (!subscribers.isEmpty()) {
            deliver(new DaemonEvent(wall.nowMicros(), kind, Optional.of(about.unit().value()),
                    about.device().map(DeviceName::value), message));
        }
    }

    /** An event about the daemon as a whole. */
    void announce(String kind, String message) {
        assert loop.inLoop();
        if (!subscribers.isEmpty()) {
            deliver(new DaemonEvent(wall.nowMicros(), kind, Optional.empty(), Optional.empty(), message));
        }
    }

    private void deliver(DaemonEvent event) {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.listener.accept(event);
            } catch (RuntimeException e) {
                // A client's bug must not cost the loop, nor the other clients their events.
                subscribers.remove(subscriber);
                LOG.warn("a status interface subscriber failed on a {} event; it is dropped", event.kind(), e);
            }
        }
    }

    /** The kind of a change into {@code state}; empty for the steps in between (waiting, checking the gate). */
    private static Optional<String> kindOf(ControllerState state, boolean requested) {
        return Optional.ofNullable(switch (state) {
            case STARTING -> requested ? "unit-started" : null;
            case CONNECTED -> "connected";
            case RETRYING -> "retry-scheduled";
            case REFUSED -> "refused";
            case EXCLUDED -> "excluded";
            case FOREIGN_OWNED -> "foreign";
            case PARKED -> "parked";
            case GIVEN_UP -> "gave-up";
            case WAITING, UNRESOLVED -> null;
        });
    }

    private String messageOf(TrackedController c) {
        return switch (c.state()) {
            case STARTING -> "connecting (unit " + c.unit().value() + ", from " + c.candidate().sources().stream()
                    .map(Source::describe).collect(Collectors.joining(", ")) + ")";
            case CONNECTED -> "connected";
            case RETRYING -> c.lastReported + "; retrying in " + untilNext(c) + " (attempt " + c.failures + ")";
            case PARKED -> "discovery log read; disconnected until its next poll in " + untilNext(c);
            case GIVEN_UP -> "given up after failing for dc-giveup-timeout";
            default -> c.lastReported.isEmpty() ? c.state().label() : c.lastReported;
        };
    }

    private String untilNext(TrackedController c) {
        return c.nextAttempt == null ? "(none armed)"
                : Connections.seconds(java.time.Duration.ofNanos(c.nextAttempt.deadlineNanos() - loop.nowNanos()));
    }
}
