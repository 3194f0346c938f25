package org.nvmexpress.discoverd.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.KeyValuePair;

final class JournalAppenderTest {
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> fallback = new ListAppender<>();

    JournalAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        fallback.setContext(context);
        fallback.start();
    }

    private JournalAppender appender(Path socket) {
        JournalAppender appender = new JournalAppender(socket, "nvme-discoverd", fallback);
        appender.setContext(context);
        appender.start();
        return appender;
    }

    private LoggingEvent event(Level level, String message) {
        return new LoggingEvent("test", context.getLogger("daemon"), level, message, null, null);
    }

    @Test
    void appendSendsNativeEntriesToTheJournalSocket(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("journal.socket");
        try (DatagramReceiver journald = DatagramReceiver.atPath(socket)) {
            JournalAppender appender = appender(socket);
            LoggingEvent event = event(Level.INFO, "(tcp, 10.0.0.9, 4420, nqn.x) - configured");
            event.addKeyValuePair(new KeyValuePair(JournalEventFields.UNIT, "nvme-discoverd-c7f645736db2.service"));
            appender.doAppend(event);
            appender.doAppend(event(Level.DEBUG, "two\nlines"));
            appender.stop();

            assertThat(journald.receiveText()).isEqualTo("PRIORITY=6\nSYSLOG_IDENTIFIER=nvme-discoverd\n"
                    + "MESSAGE=(tcp, 10.0.0.9, 4420, nqn.x) - configured\n"
                    + "NVME_UNIT=nvme-discoverd-c7f645736db2.service\n");
            assertThat(journald.receive()).isEqualTo(("PRIORITY=7\nSYSLOG_IDENTIFIER=nvme-discoverd\nMESSAGE\n"
                    + "\u0009\0\0\0\0\0\0\0two\nlines\n").getBytes(StandardCharsets.UTF_8));
            assertThat(fallback.list).isEmpty();
        }
    }

    @Test
    void appendFallsBackWhenTheJournalIsNotListening(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("journal.socket");
        JournalAppender appender = appender(socket);
        appender.doAppend(event(Level.ERROR, "first"));
        appender.doAppend(event(Level.INFO, "second"));
        try (DatagramReceiver journald = DatagramReceiver.atPath(socket)) {
            appender.doAppend(event(Level.INFO, "third"));
            assertThat(journald.receiveText()).endsWith("MESSAGE=third\n");
        }
        assertThat(fallback.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "cannot send to the journal at " + socket
                        + ": java.net.SocketException: No such file or directory; logging through stderr until it works again",
                "first", "second");
        assertThat(fallback.list.get(0).getLevel()).isEqualTo(Level.WARN);
    }
}
