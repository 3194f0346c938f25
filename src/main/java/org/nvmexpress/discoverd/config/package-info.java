/**
 * The configuration files, as values: the daemon's own {@code nvme-discoverd.conf} now, and the
 * fabrics configuration ({@code nvme-fabrics.conf} with its drop-ins and cascade) once it is added
 * here too (reference §8).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.config.DaemonConfig} (the {@code [Global]} knobs,
 * always valid, with their {@link org.nvmexpress.discoverd.config.DaemonConfig#DEFAULTS defaults}),
 * its enums {@link org.nvmexpress.discoverd.config.LogLevel} and
 * {@link org.nvmexpress.discoverd.config.Connector}, and
 * {@link org.nvmexpress.discoverd.config.DaemonConfigReader}, which turns a file into a config plus
 * warnings and never fails (reference §8.1). The value syntaxes the files share (the systemd-style
 * booleans, C {@code strtoul} numbers, ASCII case folding) are in the package-private
 * {@code ValueSyntax}. What a setting makes the daemon do is the {@code daemon} package's business;
 * bad input is a value (a {@link org.nvmexpress.discoverd.ini.Diagnostic}), not an exception.
 *
 * <p><b>May import:</b> {@code tid} and {@code ini} (the INI reader and its diagnostics).
 *
 * <p><b>Threading:</b> immutable values and stateless readers; safe from any thread. A read does
 * blocking file I/O (at most 1 MiB per file).
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.config.DaemonConfigReader} and
 * {@link org.nvmexpress.discoverd.config.DaemonConfig}.
 */
package org.nvmexpress.discoverd.config;
