/**
 * Everything that talks to systemd: sd_notify, the journal, and (with the UnitManager) the
 * transient connection units over D-Bus.
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.systemd.Notifier} port and its sd_notify
 * adapter {@link org.nvmexpress.discoverd.systemd.SdNotifier} ({@code $NOTIFY_SOCKET} datagrams:
 * {@code READY=1}, {@code RELOADING=1} with {@code MONOTONIC_USEC}, {@code STATUS=} from a
 * {@link org.nvmexpress.discoverd.systemd.StatusLine}, {@code STOPPING=1}, {@code WATCHDOG=1} every
 * half {@code WATCHDOG_USEC}); CLOCK_MONOTONIC ({@link org.nvmexpress.discoverd.systemd.MonotonicClock});
 * and logging: the logback {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator} that sends
 * native journal entries ({@link org.nvmexpress.discoverd.systemd.JournalAppender}) when stderr is
 * the journal, prefixed stderr lines ({@link org.nvmexpress.discoverd.systemd.JournalPrefixLayout})
 * otherwise, and logs a repeated warning or error once per burst
 * ({@link org.nvmexpress.discoverd.systemd.RepeatCollapsingAppender}).
 *
 * <p><b>Structured log fields (convention):</b> code that knows which connection a message is about
 * passes the keys {@code NVME_TID} (the TID's compact form), {@code NVME_UNIT} (the unit name) and
 * {@code NVME_DEVICE} ({@code nvme3}) as slf4j key-value pairs, e.g.
 * {@code log.atInfo().addKeyValue(JournalEventFields.TID, tid.compact()).log(...)}, or as MDC
 * entries of the same names; the constants are in
 * {@link org.nvmexpress.discoverd.systemd.JournalEventFields}. In the journal they become fields
 * of those names ({@code journalctl NVME_UNIT=…}); on plain stderr they are not printed, since the
 * message text already starts with the TID (ARCHITECTURE §10).
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp} (the arrows point down).
 *
 * <p><b>Threading:</b> {@code SdNotifier} and {@code PosixMonotonicClock} are thread-safe
 * (synchronized); the appenders are serialised by logback; the rest are immutable values and
 * stateless functions.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.systemd.SdNotifier#fromEnvironment} for
 * the daemon; {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator}, found by logback through
 * {@code META-INF/services}.
 */
package org.nvmexpress.discoverd.systemd;
