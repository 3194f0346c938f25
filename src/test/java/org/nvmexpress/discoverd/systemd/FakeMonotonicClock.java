package org.nvmexpress.discoverd.systemd;

import java.time.Duration;

/** A monotonic clock that moves only when a test says so. */
public final class FakeMonotonicClock implements MonotonicClock {
    private long nowNanos;

    public FakeMonotonicClock(long startNanos) {
        this.nowNanos = startNanos;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    public void advance(Duration by) {
        nowNanos += by.toNanos();
    }
}
