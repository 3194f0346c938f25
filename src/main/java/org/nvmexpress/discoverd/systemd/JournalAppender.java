package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Sends each log event to journald as a native journal entry (datagrams to
 * {@code /run/systemd/journal/socket}, see {@link JournalEntryEncoder}), so that priority and the
 * structured {@code NVME_*} fields ({@link JournalEventFields}) arrive as fields rather than text.
 *
 * <p>When a send fails (journald restarting, its queue full, the socket gone), the event goes to
 * the fallback appender instead, the prefixed stderr line journald also reads, so nothing is
 * lost; the first failure of a run of failures is announced there once. Thread-safe: logback
 * serialises {@link #append} ({@link AppenderBase} is synchronized).
 */
public final class JournalAppender extends AppenderBase<ILoggingEvent> {
    /** Where journald listens for native entries. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/systemd/journal/socket");

    private final Path socketPath;
    private final String identifier;
    private final Appender<ILoggingEvent> fallback;
    private AFUNIXDatagramChannel channel;
    private AFUNIXSocketAddress target;
    /** True from a failed send until the next successful one: the failure was announced. */
    private boolean failing;

    /**
     * @param socketPath the journal socket
     * @param identifier {@code SYSLOG_IDENTIFIER} of every entry
     * @param fallback   started appender for events the journal socket does not take
     */
    public JournalAppender(Path socketPath, String identifier, Appender<ILoggingEvent> fallback) {
        this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public void start() {
        try {
            target = AFUNIXSocketAddress.of(socketPath);
            channel = AFUNIXDatagramChannel.open();
        } catch (IOException e) {
            addError("cannot open a datagram socket for " + socketPath, e);
            return;
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                addWarn("closing the journal socket failed", e);
            }
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] entry = JournalEntryEncoder.encode(JournalEventFields.of(event, identifier));
        try {
            channel.send(ByteBuffer.wrap(entry), target); // blocking: all of it, or an exception
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                fallback.doAppend(failureNotice(event, e));
            }
            fallback.doAppend(event);
        }
    }

    /** A warning, in the fallback, that native entries are not getting through. */
    private LoggingEvent failureNotice(ILoggingEvent cause, IOException e) {
        LoggingEvent notice = new LoggingEvent();
        notice.setLoggerName(JournalAppender.class.getName());
        notice.setLevel(Level.WARN);
        notice.setThreadName(cause.getThreadName());
        notice.setMessage("cannot send to the journal at " + socketPath + ": " + e
                + "; logging through stderr until it works again");
        notice.setInstant(cause.getInstant());
        notice.setCallerData(new StackTraceElement[0]);
        return notice;
    }
}
