/**
 * The NVMe Boot Firmware Table (NBFT): what the firmware booted from over NVMe/TCP, as a value
 * (reference §7).
 *
 * <p><b>Owns:</b> reading the tables under {@code /sys/firmware/acpi/tables}
 * ({@link org.nvmexpress.discoverd.nbft.NbftReader}, at most 1 MiB each), the binary parser with
 * the parse rules of reference §7.3 ({@link org.nvmexpress.discoverd.nbft.NbftParser}), the parsed
 * model ({@link org.nvmexpress.discoverd.nbft.NbftTable}: host, HFIs, security profiles, discovery
 * controllers and subsystem namespaces, every link resolved to the object it names) and libnvme's
 * dump format ({@link org.nvmexpress.discoverd.nbft.NbftDump}). A table that breaks a whole-table
 * rule is an {@link org.nvmexpress.discoverd.nbft.NbftParseException}; a bad descriptor is dropped
 * with a warning ({@link org.nvmexpress.discoverd.nbft.NbftProblem}) and the table stands. Unlike
 * libnvme, an SSNS with an empty secondary HFI list is kept (reference §15 item 28). Beside the
 * parser: discovery-controller URIs ({@link org.nvmexpress.discoverd.nbft.NvmeUri}, IPv6 literals
 * included, which the C daemon mis-splits) and the host interface an HFI names by MAC address and
 * VLAN ({@link org.nvmexpress.discoverd.nbft.HostInterfaces}, read under a root). On top: the boot
 * controllers derived from parsed tables the way {@code nvme connect-all --nbft} connects them
 * ({@link org.nvmexpress.discoverd.nbft.BootControllers}), each TID with the C daemon's fields so
 * that unit names match, and every descriptor that gives no controller with the reason.
 *
 * <p><b>May import:</b> {@code tid} (addresses; the TIDs, roles and unit names of boot controllers),
 * {@code ini}, {@code fs}, the JDK and slf4j.
 *
 * <p><b>Threading:</b> immutable values and stateless functions; safe from any thread. Reading
 * tables and deriving boot controllers (which looks up interfaces in sysfs) do blocking file I/O.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.nbft.NbftReader}; bytes already in memory
 * go to {@link org.nvmexpress.discoverd.nbft.NbftParser#parse}, parsed tables to
 * {@link org.nvmexpress.discoverd.nbft.BootControllers#derive}.
 */
package org.nvmexpress.discoverd.nbft;
