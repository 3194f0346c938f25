package org.nvmexpress.discoverd.kernel.uevent;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor thread's loop: reads datagrams from a {@link UeventSocket}, drops those the
 * {@link SenderPolicy} does not trust (before parsing them), decodes, classifies, and hands each
 * {@link KernelEvent} to the consumer. Nothing a sender can put in a datagram stops the loop: bad
 * ones are counted and logged once per burst ({@link BurstLog}). It ends when the socket reports
 * {@link UeventSocket.Closed} or fails.
 *
 * <p><b>Overflow.</b> The kernel reports a full receive buffer once ({@code ENOBUFS}) and then marks
 * the socket congested: it drops every later uevent <em>silently</em> until a read finds the queue
 * empty. So {@link KernelEvent.EventsLost} is handed on only when the socket is next drained, after
 * the uevents still queued: a rescan the consumer starts then cannot miss a uevent dropped during
 * the congestion, and every later one arrives again.
 */
final class UeventReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UeventReader.class);

    /** A burst also ends after this many datagrams, so a sender that never pauses is still summarised. */
    static final int MAX_BURST_DATAGRAMS = 4096;

    private final UeventSocket socket;
    private final SenderPolicy policy;
    private final Consumer<Uevent> tap;
    private final Consumer<KernelEvent> consumer;
    private final BurstLog rejectedLog;
    private final BurstLog malformedLog;
    private final BurstLog invalidLog;
    private final BurstLog overflowLog;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    /** An overflow happened and its EventsLost waits for the socket to drain. Reader thread only. */
    private boolean lossPending;

    /**
     * @param tap      sees every trusted, well-formed uevent before classification (diagnostics)
     * @param consumer receives the events, on the reading thread; it should hand them on quickly,
     *                 since the kernel drops uevents while the socket is not read
     * @param warnings where the once-per-burst problem lines go
     */
    UeventReader(UeventSocket socket, SenderPolicy policy, Consumer<Uevent> tap, Consumer<KernelEvent> consumer,
            Consumer<String> warnings) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tap = Objects.requireNonNull(tap, "tap");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.rejectedLog = new BurstLog("uevent rejected", "uevents rejected", warnings);
        this.malformedLog = new BurstLog("malformed uevent", "malformed uevents", warnings);
        this.invalidLog = new BurstLog("unusable uevent", "unusable uevents", warnings);
        this.overflowLog = new BurstLog("overflow", "overflows", warnings);
    }

    @Override
    public void run() {
        int inBurst = 0;
        try {
            while (true) {
                UeventSocket.Received next = socket.receive();
                if (next instanceof UeventSocket.Datagram datagram) {
                    handleGuarded(datagram);
                    if (++inBurst >= MAX_BURST_DATAGRAMS) {
                        endBursts();
                        inBurst = 0;
                    }
                } else if (next instanceof UeventSocket.Overflow) {
                    overflow();
                } else if (next instanceof UeventSocket.Drained) {
                    endBursts();
                    inBurst = 0;
                    reportLoss();
                } else {
                    endBursts();
                    return;
                }
            }
        } catch (IOException e) {
            endBursts();
            LOG.error("uevent monitor - stopped reading uevents: {}", e.getMessage());
        }
    }

    /** A snapshot of the counters; safe from any thread. */
    UeventCounters counters() {
        return new UeventCounters(received.get(), delivered.get(), ignored.get(), rejected.get(), malformed.get(),
                invalid.get(), overflows.get());
    }

    /** A bug in handling one datagram is logged with its stack; the next datagram is read anyway. */
    private void handleGuarded(UeventSocket.Datagram datagram) {
        try {
            handle(datagram);
        } catch (RuntimeException e) {
            LOG.error("uevent monitor - failed on a uevent from {}", datagram.sender().describe(), e);
        }
    }

    private void handle(UeventSocket.Datagram datagram) {
        received.incrementAndGet();
        byte[] bytes = datagram.bytes();
        Sender sender = datagram.sender();
        Optional<String> distrust = policy.rejection(sender, UeventDecoder.formatOf(bytes));
        if (distrust.isPresent()) {
            rejected.incrementAndGet();
            rejectedLog.report(() -> "uevent monitor - rejected a uevent from " + sender.describe() + ": "
                    + distrust.get());
            return;
        }
        UeventDecoder.Result result = UeventDecoder.decode(bytes);
        if (result instanceof UeventDecoder.Malformed bad) {
            malformed.incrementAndGet();
            malformedLog.report(() -> "uevent monitor - malformed uevent (" + bytes.length + " bytes) from "
                    + sender.describe() + ": " + bad.message());
            return;
        }
        classify(((UeventDecoder.Decoded) result).uevent());
    }

    private void classify(Uevent uevent) {
        guarded(tap, uevent);
        UeventClassifier.Classification classification = UeventClassifier.classify(uevent);
        if (classification instanceof UeventClassifier.Relevant relevant) {
            delivered.incrementAndGet();
            guarded(consumer, relevant.event());
        } else if (classification instanceof UeventClassifier.Invalid bad) {
            invalid.incrementAndGet();
            invalidLog.report(() -> "uevent monitor - " + uevent.describe() + ": " + bad.problem());
        } else {
            ignored.incrementAndGet();
            LOG.debug("uevent monitor - {}: ignored, {}", uevent.describe(),
                    ((UeventClassifier.Ignored) classification).why());
        }
    }

    private void overflow() {
        overflows.incrementAndGet();
        lossPending = true;
        overflowLog.report(() -> "uevent monitor - the kernel dropped uevents (receive buffer full, ENOBUFS);"
                + " reporting them as lost once the socket is drained");
    }

    private void reportLoss() {
        if (lossPending) {
            lossPending = false;
            guarded(consumer, new KernelEvent.EventsLost(overflows.get()));
        }
    }

    private void endBursts() {
        rejectedLog.endBurst();
        malformedLog.endBurst();
        invalidLog.endBurst();
        overflowLog.endBurst();
    }

    /** Runs a callback; a bug in it is logged and does not stop the reader (STYLE §7 rule 10). */
    private static <T> void guarded(Consumer<T> callback, T value) {
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            LOG.error("uevent monitor - the consumer failed on {}", value, e);
        }
    }
}
