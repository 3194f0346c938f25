/**
 * The two configuration files administrators edit: the daemon's own {@code nvme-discoverd.conf} and
 * the fabrics configuration {@code nvme-fabrics.conf} with its drop-ins, shared with nvme-cli and
 * nvme-stas (reference §8).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.config.DaemonConfig} (the {@code [Global]} and
 * {@code [Discovery]} knobs, always valid, with the give-up horizon typed as a
 * {@link org.nvmexpress.discoverd.config.GiveUpTimeout}) and
 * {@link org.nvmexpress.discoverd.config.DaemonConfigReader}, which turns a file in upstream's
 * current or older layout into a config plus findings and never fails (§8.1), reading time spans
 * as systemd does ({@link org.nvmexpress.discoverd.config.TimeSpan}); the fabrics key table
 * ({@link org.nvmexpress.discoverd.config.FabricsKey}), the per-file parser, the persona rules across
 * files, the parameter cascade, the resolved connections
 * ({@link org.nvmexpress.discoverd.config.ResolvedConnection}) and the {@code nvme connect} options
 * derived from them ({@link org.nvmexpress.discoverd.config.ConnectOptions}) (§8.2-§8.6). The value
 * syntaxes both files share are in the package-private {@code ValueSyntax}. Secrets are typed as
 * such so no later layer prints them by accident. Bad input is a value (a
 * {@link org.nvmexpress.discoverd.ini.Diagnostic}), never an exception.
 *
 * <p><b>May import:</b> {@code tid} and {@code ini}.
 *
 * <p><b>Threading:</b> immutable values and stateless readers; safe from any thread. A read does
 * blocking file I/O (at most 1 MiB per file).
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.config.FabricsConfigLoader} and
 * {@link org.nvmexpress.discoverd.config.DaemonConfigReader}.
 */
package org.nvmexpress.discoverd.config;
