/**
 * The two configuration files administrators edit: the daemon's own {@code nvme-discoverd.conf} and
 * the fabrics configuration {@code nvme-fabrics.conf} with its drop-ins, shared with nvme-cli and
 * nvme-stas (reference §8).
 *
 * <p><b>Owns:</b> the fabrics key table ({@link org.nvmexpress.discoverd.config.FabricsKey}), value
 * syntaxes, the per-file parser, the persona rules across files, the parameter cascade, the resolved
 * connections ({@link org.nvmexpress.discoverd.config.ResolvedConnection}) and the {@code nvme connect}
 * options derived from them ({@link org.nvmexpress.discoverd.config.ConnectOptions}). Secrets are
 * typed as such so no later layer prints them by accident.
 *
 * <p><b>May import:</b> {@code tid}, {@code ini}.
 *
 * <p><b>Threading:</b> immutable values and stateless loaders; load on any thread, share the result.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.config.FabricsConfigLoader}.
 */
package org.nvmexpress.discoverd.config;
