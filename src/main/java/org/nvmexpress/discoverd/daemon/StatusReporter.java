package org.nvmexpress.discoverd.daemon;

import java.time.Duration;
import java.util.Objects;
import org.nvmexpress.discoverd.systemd.Notifier;

/**
 * Keeps systemd's status line current without flooding it: a change is sent at once when the last
 * line went out at least {@link #MIN_INTERVAL} ago, otherwise one timer sends the newest line when
 * the interval is over. Nothing changes, nothing is armed: an idle daemon does not wake up for it.
 * Lines before {@code READY=1} are not sent; {@code READY=1} carries its own.
 *
 * <p>Loop-confined.
 */
final class StatusReporter {
    /** At most one {@code STATUS=} per second: 10,000 controllers connecting must not mean 10,000 datagrams. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final EventLoop loop;
    private final Notifier notifier;
    private StatusLine latest = StatusLine.NONE;
    private StatusLine sent;
    private long sentAtNanos;
    private TimerQueue.Timer timer;

    StatusReporter(EventLoop loop, Notifier notifier) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /** The counts now; sends or schedules a {@code STATUS=} when they differ from what systemd has. */
    void update(StatusLine line) {
        assert loop.inLoop();
        latest = Objects.requireNonNull(line, "line");
        if (sent == null || timer != null || latest.equals(sent)) {
            return;
        }
        long sinceNanos = loop.nowNanos() - sentAtNanos;
        if (sinceNanos >= MIN_INTERVAL.toNanos()) {
            send();
        } else {
            timer = loop.schedule(MIN_INTERVAL.minusNanos(sinceNanos), new Due.Status());
        }
    }

    /** The held-back line's time has come. */
    void onDue() {
        assert loop.inLoop();
        timer = null;
        if (sent != null && !latest.equals(sent)) {
            send();
        }
    }

    /** {@code READY=1} with the current line; from now on changes are sent. */
    void ready() {
        assert loop.inLoop();
        markSent();
        notifier.ready(latest.text());
    }

    /** The current line, for {@code RELOADING=1} and {@code STOPPING=1}. */
    StatusLine latest() {
        assert loop.inLoop();
        return latest;
    }

    private void send() {
        markSent();
        notifier.status(latest.text());
    }

    private void markSent() {
        sent = latest;
        sentAtNanos = loop.nowNanos();
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
