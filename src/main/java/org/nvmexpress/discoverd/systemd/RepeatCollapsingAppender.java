package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nvmexpress.discoverd.kernel.Clock;

/**
 * Logs a repeated identical warning or error once per burst: the first occurrence passes, the
 * repeats within {@code window} of it are counted instead of logged, and when the window is over
 * one line {@code <message> (repeated K times)} reports how many were held back (K counts the
 * repeats, not the first). A failing path retried every second thus costs two lines a window, not
 * sixty.
 *
 * <p>Identical means same level, logger, formatted message and exception type and message.
 * Info and debug messages pass untouched: they are not errors, and their repetitions are usually
 * meant. A burst is closed when the next event of any kind arrives after its window, or when the
 * appender stops; no timer runs, so an idle daemon stays idle and the summary may come later
 * than the window's end (its timestamp is when it is logged).
 *
 * <p>At most {@link #MAX_BURSTS} bursts are tracked; beyond that the oldest is closed early.
 * Time comes from the injected clock. Thread-safe: {@link AppenderBase} serialises {@link #append}.
 */
public final class RepeatCollapsingAppender extends AppenderBase<ILoggingEvent> {
    /** Bursts tracked at once: enough for every distinct failing path of a large host. */
    static final int MAX_BURSTS = 1024;

    private final Appender<ILoggingEvent> delegate;
    private final long windowNanos;
    private final Clock clock;
    /** Open bursts in the order they started, so the expired ones are at the front. */
    private final LinkedHashMap<Key, Burst> bursts = new LinkedHashMap<>();

    /** Same level, logger, message and exception: what makes two events "identical". */
    private record Key(Level level, String logger, String message, String thrown) {
    }

    /** The first event of a burst, when it was logged, and how many repeats were held back since. */
    private static final class Burst {
        final ILoggingEvent first;
        final long startNanos;
        int repeats;

        Burst(ILoggingEvent first, long startNanos) {
            this.first = first;
            this.startNanos = startNanos;
        }
    }

    public RepeatCollapsingAppender(Appender<ILoggingEvent> delegate, Duration window, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.windowNanos = window.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean collapsible = event.getLevel().isGreaterOrEqual(Level.WARN);
        if (!collapsible && bursts.isEmpty()) {
            delegate.doAppend(event); // the common case reads no clock
            return;
        }
        long now = clock.nowNanos();
        closeExpired(now);
        if (!collapsible) {
            delegate.doAppend(event);
            return;
        }
        Key key = new Key(event.getLevel(), event.getLoggerName(), event.getFormattedMessage(),
                describe(event.getThrowableProxy()));
        Burst burst = bursts.get(key);
        if (burst != null) {
            burst.repeats++;
            return;
        }
        if (bursts.size() >= MAX_BURSTS) {
            Iterator<Burst> oldest = bursts.values().iterator();
            close(oldest.next(), now);
            oldest.remove();
        }
        // Caller data is taken now, on the logging thread; the summary reuses it later.
        event.getCallerData();
        bursts.put(key, new Burst(event, now));
        delegate.doAppend(event);
    }

    @Override
    public void stop() {
        long now = clock.nowNanos();
        for (Burst burst : bursts.values()) {
            close(burst, now);
        }
        bursts.clear();
        super.stop();
    }

    private void closeExpired(long now) {
        Iterator<Map.Entry<Key, Burst>> it = bursts.entrySet().iterator();
        while (it.hasNext()) {
            Burst burst = it.next().getValue();
            if (now - burst.startNanos < windowNanos) {
                return; // later bursts started later still
            }
            close(burst, now);
            it.remove();
        }
    }

    private void close(Burst burst, long now) {
        if (burst.repeats > 0) {
            delegate.doAppend(summary(burst, now));
        }
    }

    /** The summary line, stamped with the first event's time plus the time since it. */
    private static ILoggingEvent summary(Burst burst, long now) {
        ILoggingEvent first = burst.first;
        LoggingEvent summary = new LoggingEvent();
        summary.setLoggerName(first.getLoggerName());
        summary.setLevel(first.getLevel());
        summary.setThreadName(first.getThreadName());
        summary.setMessage(first.getFormattedMessage() + " (repeated " + burst.repeats
                + (burst.repeats == 1 ? " time)" : " times)"));
        summary.setMDCPropertyMap(first.getMDCPropertyMap());
        summary.setKeyValuePairs(first.getKeyValuePairs());
        summary.setCallerData(first.hasCallerData() ? first.getCallerData() : new StackTraceElement[0]);
        summary.setInstant(first.getInstant().plusNanos(now - burst.startNanos));
        return summary;
    }

    private static String describe(IThrowableProxy thrown) {
        return thrown == null ? "" : thrown.getClassName() + ": " + thrown.getMessage();
    }
}
