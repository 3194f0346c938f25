/**
 * Everything that talks to systemd: for now the log format journald expects on stderr; later the
 * UnitManager over D-Bus, sd_notify and the native journal protocol.
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.systemd.JournalPrefixLayout} and the logback
 * {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator} that installs it.
 *
 * <p><b>May import:</b> {@code tid}, {@code ini}, {@code config} (the arrows point down).
 *
 * <p><b>Threading:</b> the layout is thread-safe (logback serialises appenders).
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.systemd.LoggingConfigurator}, found by
 * logback through {@code META-INF/services}.
 */
package org.nvmexpress.discoverd.systemd;
