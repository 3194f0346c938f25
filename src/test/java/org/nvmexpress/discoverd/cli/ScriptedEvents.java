package org.nvmexpress.discoverd.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.FakeClock;

/**
 * Events for {@link ServiceLoop} from a script, on the test thread: each step is an event, or a
 * wait that lets the requested timeout pass on the fake clock. Records every timeout asked for.
 */
final class ScriptedEvents implements ServiceEvents {
    private final FakeClock clock;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Long> timeoutsNanos = new ArrayList<>();

    ScriptedEvents(FakeClock clock) {
        this.clock = clock;
    }

    /** One step: the event (or none: a timeout) and what happens just before it is handed out. */
    private record Step(Optional<ServiceEvent> event, Runnable before) {
    }

    ScriptedEvents then(ServiceEvent event) {
        return then(event, () -> { });
    }

    /** A step that runs {@code before} (change a file, move the clock) and then hands out {@code event}. */
    ScriptedEvents then(ServiceEvent event, Runnable before) {
        steps.add(new Step(Optional.of(event), before));
        return this;
    }

    /** A step where no event comes before the timeout. */
    ScriptedEvents thenTimeout() {
        steps.add(new Step(Optional.empty(), () -> { }));
        return this;
    }

    @Override
    public Optional<ServiceEvent> next(long timeoutNanos) {
        timeoutsNanos.add(timeoutNanos);
        Step step = steps.remove();
        step.before().run();
        if (step.event().isEmpty()) {
            if (timeoutNanos == Long.MAX_VALUE) {
                throw new AssertionError("the loop would wait forever for an event the script does not send");
            }
            clock.advance(java.time.Duration.ofNanos(timeoutNanos));
        }
        return step.event();
    }

    List<Long> timeoutsNanos() {
        return List.copyOf(timeoutsNanos);
    }
}
