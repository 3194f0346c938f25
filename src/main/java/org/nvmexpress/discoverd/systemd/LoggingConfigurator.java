package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Files;
import java.time.Duration;
import org.nvmexpress.discoverd.kernel.PosixClock;

/**
 * Configures logback in code, level INFO: under systemd, when stderr is the journal
 * ({@link JournalStream}) and journald's socket exists, native journal entries
 * ({@link JournalAppender}); otherwise one line per message on stderr ({@link JournalPrefixLayout},
 * with the priority prefix when stderr is the journal). Either way a repeated warning or error is
 * logged once per {@link #REPEAT_WINDOW} ({@link RepeatCollapsingAppender}).
 *
 * <p>Done in code rather than {@code logback.xml} because XML configuration costs a noticeable
 * part of the daemon's start-up budget (ARCHITECTURE §11). The daemon raises or lowers the level
 * from its configuration later ({@link Logging}). {@code SYSLOG_IDENTIFIER} is the system
 * property {@value #PROGRAM_PROPERTY}, which the launchers set to their own name.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {
    /** How long repeats of a warning or error are held back after its first occurrence. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(10);
    /** dbus-java's loggers: silenced, see {@link #configure}. */
    static final String DBUS_JAVA = "org.freedesktop.dbus";
    /** The system property naming the program, for {@code SYSLOG_IDENTIFIER}. */
    static final String PROGRAM_PROPERTY = "nvme.discoverd.program";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean journal = JournalStream.stderrIsJournal();
        Appender<ILoggingEvent> out = stderr(context, journal);
        if (journal && Files.exists(JournalAppender.DEFAULT_SOCKET)) {
            JournalAppender nativeJournal = new JournalAppender(JournalAppender.DEFAULT_SOCKET,
                    System.getProperty(PROGRAM_PROPERTY, "nvme-discoverd"), out);
            nativeJournal.setContext(context);
            nativeJournal.setName("journal");
            nativeJournal.start();
            if (nativeJournal.isStarted()) {
                out = nativeJournal;
            }
        }
        RepeatCollapsingAppender collapsing = new RepeatCollapsingAppender(out, REPEAT_WINDOW, PosixClock.monotonic());
        collapsing.setContext(context);
        collapsing.setName("collapse-repeats");
        collapsing.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(collapsing);
        // dbus-java logs a lost bus as an ERROR with a stack trace from its own thread, and each
        // connection at INFO. Our D-Bus adapter reports every failure itself, once, with the D-Bus
        // error name (STYLE §7 rule 12), so the library speaks only to a debugging administrator.
        context.getLogger(DBUS_JAVA).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context, boolean journal) {
        JournalPrefixLayout layout = new JournalPrefixLayout(journal);
        layout.setContext(context);
        layout.start();

        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        return stderr;
    }
}
