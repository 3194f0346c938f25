package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publishes the {@link DaemonSnapshot} the status interface reads, coalesced: the loop says that
 * something changed ({@link #changed}), and the snapshot is rebuilt at once when the last one is at
 * least {@link #INTERVAL} old, otherwise by one timer when the interval is over. A storm of 10,000
 * events therefore costs a few O(controllers) builds, not 10,000; nothing changes, nothing is armed,
 * so an idle daemon does not wake up. A command publishes at once ({@link #publishNow}) before it
 * replies, so its client sees what it did.
 *
 * <p>{@link #current} is read by any thread (a volatile reference to an immutable value); the rest
 * is loop-confined.
 */
final class SnapshotPublisher {
    /** How stale a read may be during a storm: short for a human, long for 10,000 controllers. */
    static final Duration INTERVAL = Duration.ofMillis(200);

    private final EventLoop loop;
    private final Supplier<DaemonSnapshot> builder;
    private volatile DaemonSnapshot current;
    private boolean dirty;
    private boolean everPublished;
    private long publishedAtNanos;
    private TimerQueue.Timer timer;
    private long publications;

    /** @param initial what is read before the loop published anything (built off the loop: no state in it) */
    SnapshotPublisher(EventLoop loop, Supplier<DaemonSnapshot> builder, DaemonSnapshot initial) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** The snapshot published last; any thread. */
    DaemonSnapshot current() {
        return current;
    }

    /** The loop's state changed: publish now, or once the interval is over. */
    void changed() {
        assert loop.inLoop();
        dirty = true;
        if (timer != null) {
            return;
        }
        long sinceNanos = loop.nowNanos() - publishedAtNanos;
        if (!everPublished || sinceNanos >= INTERVAL.toNanos()) {
            publish();
        } else {
            timer = loop.schedule(INTERVAL.minusNanos(sinceNanos), new Due.Publish());
        }
    }

    /** The interval is over. */
    void onDue() {
        assert loop.inLoop();
        timer = null;
        if (dirty) {
            publish();
        }
    }

    /** Publishes the state now, whatever the interval: before a command's reply. */
    void publishNow() {
        assert loop.inLoop();
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        publish();
    }

    /** True while a publication waits for its interval; for tests. */
    boolean armed() {
        assert loop.inLoop();
        return timer != null;
    }

    /** How many snapshots were built; for tests. */
    long publications() {
        assert loop.inLoop();
        return publications;
    }

    private void publish() {
        current = builder.get();
        dirty = false;
        everPublished = true;
        publishedAtNanos = loop.nowNanos();
        publications++;
    }
}
