/**
 * Everything that talks to systemd: the transient connection units over D-Bus, sd_notify, and the
 * journal.
 *
 * <p><b>Owns:</b>
 * <ul>
 * <li>the {@link org.nvmexpress.discoverd.systemd.UnitManager} port and its production
 * implementation {@link org.nvmexpress.discoverd.systemd.SystemdUnitManager}: the transient unit of a
 * connection (reference §3: properties in the C daemon's order, the connector's command line, the
 * state scripts that keep {@code /run/nvme/discoverd/{units,controllers}} compatible with the C
 * daemon, the root-only secret files under {@code /run/nvme/discoverd/credentials} that a unit's
 * {@code LoadCredential} names, since a secret in a unit property is readable by every local user),
 * the bound on outstanding jobs with at most one job per unit, the matching of {@code JobRemoved} to
 * our jobs, the settling of calls whose reply was lost or timed out, the listing of our units, and
 * the recovery from a lost bus or from systemd leaving it; the typed call errors
 * ({@link org.nvmexpress.discoverd.systemd.CallError}); the D-Bus adapter behind the package-private
 * {@code SystemdBus} port; {@link org.nvmexpress.discoverd.systemd.ConnectionUnitCommands}, the same
 * unit's commands as argument vectors, for running units without systemd (the real-kernel guest's
 * child-process unit manager, docs/real-kernel-tests.md);</li>
 * <li>the {@link org.nvmexpress.discoverd.systemd.Notifier} port and its sd_notify adapter
 * {@link org.nvmexpress.discoverd.systemd.SdNotifier} ({@code $NOTIFY_SOCKET} datagrams:
 * {@code READY=1}, {@code RELOADING=1} with {@code MONOTONIC_USEC}, {@code STATUS=} with the
 * daemon's status line, {@code STOPPING=1}, {@code WATCHDOG=1} every
 * half {@code WATCHDOG_USEC}), its {@code MONOTONIC_USEC} read from an injected
 * {@link org.nvmexpress.discoverd.kernel.Clock} ({@code PosixClock.monotonic()} in production);</li>
 * <li>logging: the logback {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator} that sends
 * native journal entries ({@link org.nvmexpress.discoverd.systemd.JournalAppender}) when stderr is
 * the journal, prefixed stderr lines ({@link org.nvmexpress.discoverd.systemd.JournalPrefixLayout})
 * otherwise, and logs a repeated warning or error once per burst
 * ({@link org.nvmexpress.discoverd.systemd.RepeatCollapsingAppender}).</li>
 * </ul>
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
 * <p><b>May import:</b> {@code kernel} (the clock), {@code tid}, {@code fs}, {@code ini},
 * {@code registry}, {@code exclusion}, {@code config}, {@code nbft}, {@code dlp} (the arrows point
 * down); of libraries, dbus-java, junixsocket, slf4j and logback.
 *
 * <p><b>Threading:</b>
 * <ul>
 * <li>{@code UnitManager} methods may be called from any thread (the daemon's loop) and return at
 * once: they only touch the {@code JobLedger}, whose every method is atomic under one lock and never
 * blocks. Nothing is built there: a waiting request is just its
 * {@link org.nvmexpress.discoverd.systemd.UnitRequest}.</li>
 * <li>Every D-Bus call, and every file the unit manager writes or deletes (the secrets), runs on one
 * dedicated thread, {@code systemd-calls} ({@code CallRunner}), one at a time and in order: the
 * {@code UnitDispatcher} and the {@code BusRecovery}. A call blocks that thread at most the call
 * timeout; the loop never waits for it.</li>
 * <li>Signals ({@code JobRemoved}, {@code NameOwnerChanged}) and the loss of the connection arrive
 * on dbus-java's threads; they update the ledger and hand anything that calls or writes to the
 * call thread.</li>
 * <li>Results go to the poster given at construction, from the call thread or a signal thread, as
 * immutable {@link org.nvmexpress.discoverd.systemd.UnitEvent}s, whose contracts (one outcome per
 * request, what is logged by whom) are in that interface. The poster must not block: the daemon's
 * posts onto its loop queue.</li>
 * <li>{@code SdNotifier} is thread-safe; the appenders are
 * serialised by logback; the rest are immutable values and stateless functions.</li>
 * </ul>
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.systemd.SystemdUnitManager#onSystemBus} and
 * {@link org.nvmexpress.discoverd.systemd.SdNotifier#fromEnvironment} for the daemon;
 * {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator}, found by logback through
 * {@code META-INF/services}.
 */
package org.nvmexpress.discoverd.systemd;
