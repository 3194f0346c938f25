/**
 * The NVMe Boot Firmware Table (NBFT): what the firmware booted from, and the boot controllers
 * derived from it (reference §7).
 *
 * <p><b>Owns:</b> for now the helpers the derivation needs: {@link
 * org.nvmexpress.discoverd.nbft.NvmeUri} (a discovery descriptor's {@code nvme+tcp://HOST:PORT/}
 * URI, IPv6 literals included) and {@link org.nvmexpress.discoverd.nbft.HostInterfaces} (the network
 * interface with an HFI's MAC address and VLAN, for {@code host-iface}).
 *
 * <p><b>May import:</b> {@code tid}, {@code ini}, {@code fs}, the JDK and slf4j.
 *
 * <p><b>Threading:</b> immutable values and stateless functions; {@code HostInterfaces} blocks on
 * file reads. Safe from any thread.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.nbft.NvmeUri}.
 */
package org.nvmexpress.discoverd.nbft;
