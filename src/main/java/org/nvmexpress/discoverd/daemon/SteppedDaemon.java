package org.nvmexpress.discoverd.daemon;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nvmexpress.discoverd.config.DaemonConfig;
import org.nvmexpress.discoverd.kernel.Clock;

/**
 * The daemon driven step by step on the caller's thread, for the simulated host in virtual time
 * (package {@code sim}): the same collaborators as {@link Daemon#create}, but the loop is bound to
 * the caller, its blocking work runs on the caller too when {@link #runPending()} says so, and time
 * passes only when the caller moves {@code clock}. Like netty's {@code EmbeddedEventLoop}: the
 * driver drives the loop, never the reverse.
 *
 * <p>Confined to the thread that created it, except {@link #control()}, whose reads come from the
 * published snapshots and whose requests are answered once the driver runs the loop.
 */
public final class SteppedDaemon {
    /** Room for the bursts of a simulated host of 10,000 controllers, whose events all wait for one step. */
    private static final int INBOX = 200_000;

    private final EventLoop loop;
    private final InlineWorkers workers;
    private final Daemon daemon;
    private final DaemonPorts ports;

    /** Builds a daemon's ports once its loop exists: the adapters post to it. */
    @FunctionalInterface
    public interface PortsFactory {
        DaemonPorts ports(Consumer<LoopEvent> loop) throws IOException;
    }

    private SteppedDaemon(Clock clock, PortsFactory factory, DaemonInfo info) throws IOException {
        this.loop = new EventLoop(clock, INBOX);
        loop.bindToCurrentThread();
        this.workers = new InlineWorkers(loop);
        DaemonPorts ports = factory.ports(loop::post);
        this.ports = ports;
        this.daemon = new Daemon(Daemon.wiring(loop, workers, ports), info, Daemon.adapters(ports, workers),
                new Shutdown(Shutdown.Waiter.BOUNDED));
    }

    /** The daemon of the ports {@code factory} builds, its timers counted on {@code clock}. */
    public static SteppedDaemon create(Clock clock, PortsFactory factory, DaemonInfo info) throws IOException {
        return new SteppedDaemon(Objects.requireNonNull(clock, "clock"), factory, info);
    }

    /** The start-up pass, as {@link Daemon#run} begins it; then {@link #runPending()}. */
    public void begin(DaemonConfig config) {
        daemon.begin(config);
    }

    /**
     * Delivers the events and due timers, and runs the blocking work they asked for, until none is
     * left. Returns how many items ran (zero: the daemon is idle until time passes or an adapter posts).
     */
    public int runPending() {
        int ran = 0;
        int step;
        do {
            step = loop.isClosed() ? 0 : loop.runPending(daemon::handle);
            step += workers.runQueued();
            ran += step;
        } while (step > 0);
        return ran;
    }

    /** When the next timer is due on the clock, if one is armed. */
    public OptionalLong nextDeadlineNanos() {
        return loop.isClosed() || !loop.hasTimers() ? OptionalLong.empty() : OptionalLong.of(loop.nextDeadlineNanos());
    }

    /** Hands an event to the loop, as an adapter or a signal handler does; delivered by {@link #runPending()}. */
    public void post(LoopEvent event) {
        loop.post(event);
    }

    /** The status interface, as the varlink server gets it. */
    public DaemonControl control() {
        return daemon.control();
    }

    /** The status line the daemon last sent (systemd's {@code STATUS=}). */
    public String statusText() {
        return daemon.statusText();
    }

    /** True once a {@link LoopEvent.Stop} was handled or {@link #kill()} was called. */
    public boolean stopped() {
        return loop.isClosed();
    }

    /** A clean stop, as on SIGTERM: the loop ends, then the adapters close. Returns those that did not. */
    public List<String> stop() {
        if (!loop.isClosed()) {
            post(new LoopEvent.Stop("SIGTERM"));
            runPending();
        }
        return daemon.closeAdapters();
    }

    /**
     * As SIGKILL: the loop ends where it is, queued work is dropped, nothing is said; the adapters
     * are closed only so that they stop posting (a dead process's sockets close with it).
     */
    public void kill() {
        loop.close();
        workers.close();
        for (DaemonPorts.Closing adapter : ports.adapters()) {
            try {
                adapter.adapter().close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + adapter.name() + " of a killed daemon", e);
            }
        }
    }

    /** Work queued on submission and run on the driver's thread by {@link #runQueued()}, in order. */
    private static final class InlineWorkers implements Workers {
        private final EventLoop loop;
        private final Deque<Runnable> queued = new ArrayDeque<>();
        private boolean closed;

        InlineWorkers(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public <T> void submit(String what, Callable<T> work, Function<Outcome<T>, LoopEvent> then) {
            if (!closed) { // a killed daemon's loop asks for nothing more
                queued.add(() -> loop.post(then.apply(Outcome.of(work))));
            }
        }

        int runQueued() {
            int ran = 0;
            while (!queued.isEmpty() && !closed) {
                queued.removeFirst().run();
                ran++;
            }
            return ran;
        }

        @Override
        public void close() {
            closed = true;
            queued.clear();
        }
    }
}
