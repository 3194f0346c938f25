/**
 * Everything that talks to systemd: the connection units over D-Bus, and the log format journald
 * expects on stderr.
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.systemd.UnitManager} port and its production
 * implementation {@link org.nvmexpress.discoverd.systemd.SystemdUnitManager}: the transient unit of a
 * connection (reference §3: properties in the C daemon's order, the connector's command line, the
 * state scripts that keep {@code /run/nvme/discoverd/{units,controllers}} compatible with the C
 * daemon), the bound on outstanding jobs, the matching of {@code JobRemoved} to our jobs, and the
 * recovery from a lost bus; the D-Bus adapter behind the package-private {@code SystemdBus} port;
 * {@link org.nvmexpress.discoverd.systemd.JournalPrefixLayout} and the logback
 * {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator} that installs it.
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp} (the arrows point down); of libraries, dbus-java, slf4j
 * and logback.
 *
 * <p><b>Threading:</b> {@code UnitManager} methods may be called from any thread and return at once;
 * D-Bus calls run on one dedicated thread ({@code CallRunner}), signals arrive on dbus-java's
 * threads, and results go to the poster given at construction as immutable
 * {@link org.nvmexpress.discoverd.systemd.UnitEvent}s. The layout is thread-safe (logback serialises
 * appenders).
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.systemd.SystemdUnitManager#onSystemBus};
 * {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator}, found by logback through
 * {@code META-INF/services}.
 */
package org.nvmexpress.discoverd.systemd;
