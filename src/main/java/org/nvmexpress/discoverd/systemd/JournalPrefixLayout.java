package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * One log line per message on stderr, in the form journald reads when it owns stderr: a syslog
 * priority prefix ({@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug) that
 * journald turns into {@code PRIORITY=} (SyslogLevelPrefix, on by default). On a terminal the prefix
 * would be noise, so there the line is {@code LEVEL message}.
 *
 * <p>Stack-trace lines get the same prefix as their message: journald records every stderr line as
 * its own entry, and without it they would land at the default priority.
 */
public final class JournalPrefixLayout extends LayoutBase<ILoggingEvent> {
    private final boolean journal;

    /** @param journal true when stderr is connected to the journal (see {@code JournalStream}) */
    public JournalPrefixLayout(boolean journal) {
        this.journal = journal;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String prefix = journal ? "<" + syslogPriority(event.getLevel()) + ">" : event.getLevel() + " ";
        StringBuilder line = new StringBuilder(prefix).append(event.getFormattedMessage()).append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            for (String traceLine : ThrowableProxyUtil.asString(thrown).split("\n")) {
                line.append(prefix).append(traceLine).append('\n');
            }
        }
        return line.toString();
    }

    /** The syslog priority journald stores for a logback level. */
    static int syslogPriority(Level level) {
        switch (level.toInt()) {
            case Level.ERROR_INT:
                return 3;
            case Level.WARN_INT:
                return 4;
            case Level.INFO_INT:
                return 6;
            default:
                return 7;
        }
    }
}
