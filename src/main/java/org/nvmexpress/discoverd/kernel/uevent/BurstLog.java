package org.nvmexpress.discoverd.kernel.uevent;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Logs the first of a kind of problem in a burst and only counts the rest, then says how many
 * followed when the burst ends. A sender flooding the socket with garbage thus costs two log lines
 * per burst, not one per datagram, and the first line still shows what was wrong. The reader ends
 * a burst when the socket is drained (or after a cap), so no clock is involved.
 */
final class BurstLog {
    private final String one;
    private final String many;
    private final Consumer<String> sink;
    /** Problems reported since the burst began; the reader thread's alone. */
    private long inBurst;

    /**
     * @param one  how the summary names one problem: {@code uevent rejected}
     * @param many how it names several: {@code uevents rejected}
     * @param sink where lines go
     */
    BurstLog(String one, String many, Consumer<String> sink) {
        this.one = Objects.requireNonNull(one, "one");
        this.many = Objects.requireNonNull(many, "many");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Logs {@code message} when it is the burst's first problem; else only counts it. */
    void report(Supplier<String> message) {
        if (inBurst++ == 0) {
            sink.accept(message.get());
        }
    }

    /** Ends the burst: says how many problems were only counted, if any. */
    void endBurst() {
        if (inBurst > 1) {
            long more = inBurst - 1;
            sink.accept("uevent monitor - " + more + " more " + (more == 1 ? one : many) + " in this burst");
        }
        inBurst = 0;
    }
}
