/**
 * The transport identity (TID): which controller a connection is, as a value.
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.tid.TransportId} (eight optional string fields,
 * address sanitisation, the canonical and compact forms), its parsers, the glibc-exact numeric
 * address canonicaliser {@link org.nvmexpress.discoverd.tid.NumericAddress}, and the unit-name hash
 * {@link org.nvmexpress.discoverd.tid.UnitName}. Behaviour follows the reference, §12 (TID) and §3.1
 * (unit naming); both forms are contracts shared with the C daemon and nvme-cli 3.0.
 *
 * <p><b>May import:</b> only the JDK. Every other package builds on this one.
 *
 * <p><b>Threading:</b> immutable values and stateless functions; safe from any thread.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.tid.TransportId}; parse text with
 * {@link org.nvmexpress.discoverd.tid.TidParser}.
 *
 * <p>The canonical form answers "is this the same TID?" (unit names, state files). Whether a live
 * kernel controller realises a TID is a different question, answered by the connection-identity
 * matcher in the {@code kernel} package.
 */
package org.nvmexpress.discoverd.tid;
