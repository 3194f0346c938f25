package org.nvmexpress.discoverd.kernel.uevent;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.config.UeventGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches device events and hands the daemon what matters as {@link KernelEvent}s (reference §4):
 * a {@code NETLINK_KOBJECT_UEVENT} socket on the udev or kernel group, read on a thread of its own
 * ({@code uevent-monitor}) that decodes, checks the sender, classifies and calls the consumer.
 *
 * <p>The consumer runs on the monitor's thread and must return quickly (post to the loop): while
 * it runs, the socket is not read, and when its buffer fills the kernel drops uevents, reported as
 * {@link KernelEvent.EventsLost}.
 *
 * <p>{@link #close()} wakes the thread (through a pipe it polls, see {@link NetlinkUeventSocket}),
 * waits for it to stop, and returns; the thread itself closes the socket on its way out, so no
 * descriptor is closed while it may still be read.
 */
public final class UeventMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UeventMonitor.class);

    /** Receive buffer asked for: room for tens of thousands of uevents, as udevd asks 128 MiB. */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 16 << 20;
    /** How long {@link #close()} waits for the thread, twice (before and after interrupting it). */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /**
     * How to open the monitor.
     *
     * @param policy             whom to believe; its group is the one the socket joins
     * @param receiveBufferBytes the socket's receive buffer; the kernel doubles it and may cap it
     * @param tap                sees every trusted, well-formed uevent, relevant or not, on the
     *                           monitor thread: for diagnostics (a "monitor" command) and tests
     */
    public record Options(SenderPolicy policy, int receiveBufferBytes, Consumer<Uevent> tap) {
        public Options {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(tap, "tap");
            if (receiveBufferBytes < 1) {
                throw new IllegalArgumentException("receiveBufferBytes out of range: " + receiveBufferBytes);
            }
        }

        /** The standard policy for {@code group}, the default buffer, no tap. */
        public static Options of(UeventGroup group) {
            return new Options(SenderPolicy.standard(group), DEFAULT_RECEIVE_BUFFER_BYTES, uevent -> { });
        }

        public Options withPolicy(SenderPolicy value) {
            return new Options(value, receiveBufferBytes, tap);
        }

        public Options withReceiveBufferBytes(int value) {
            return new Options(policy, value, tap);
        }

        public Options withTap(Consumer<Uevent> value) {
            return new Options(policy, receiveBufferBytes, value);
        }
    }

    private final UeventSocket socket;
    private final UeventReader reader;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UeventMonitor(UeventSocket socket, UeventReader reader) {
        this.socket = socket;
        this.reader = reader;
        this.thread = new Thread(this::readThenClose, "uevent-monitor");
        thread.setDaemon(true);
    }

    /**
     * Opens the netlink socket and starts reading. Returns once the socket is bound: every uevent
     * sent after this returns is seen.
     *
     * @throws NetlinkException when the socket cannot be opened or bound (the errno is named)
     */
    public static UeventMonitor open(Options options, Consumer<KernelEvent> consumer) throws NetlinkException {
        NetlinkUeventSocket socket = NetlinkUeventSocket.open(options.policy().group(), options.receiveBufferBytes());
        LOG.debug("uevent monitor - listening on the {} group as netlink port {}",
                options.policy().group().configName(), socket.portId());
        return start(socket, options, consumer);
    }

    /**
     * Starts reading from any {@link UeventSocket}, e.g. a simulated one, and takes ownership of it.
     * {@code options.receiveBufferBytes()} is not used: the socket exists already.
     */
    public static UeventMonitor start(UeventSocket socket, Options options, Consumer<KernelEvent> consumer) {
        UeventReader reader = new UeventReader(socket, options.policy(), options.tap(), consumer, LOG::warn);
        UeventMonitor monitor = new UeventMonitor(socket, reader);
        monitor.thread.start();
        return monitor;
    }

    /** What the monitor has seen so far. */
    public UeventCounters counters() {
        return reader.counters();
    }

    /**
     * Stops the thread and releases the socket. Waits for the thread unless called from it (from the
     * consumer); a consumer stuck for longer than twice {@link #STOP_WAIT} is interrupted, then
     * abandoned with an error logged. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        socket.wakeUp();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("uevent monitor - the reader thread did not stop; its consumer is stuck");
        }
    }

    private void readThenClose() {
        try {
            reader.run();
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.error("uevent monitor - cannot close the socket: {}", e.getMessage());
            }
        }
    }
}
