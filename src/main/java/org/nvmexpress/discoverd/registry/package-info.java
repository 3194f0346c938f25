/**
 * The ownership registry, {@code /run/nvme/registry/nvmeN/{owner,seqnum,<attr>}}: the cooperative
 * record of which orchestrator connected each NVMe-oF controller, shared with libnvme, nvme-cli and
 * nvme-stas (reference §10, ARCHITECTURE §2).
 *
 * <p><b>Owns:</b> the on-disk layout under a system root, validation of device and attribute names
 * (so no path leaves the registry) and of values, the atomic protocols of reference §10.3 (one
 * attribute by temporary file and rename; a whole entry by hidden temporary directory and rename;
 * deletion by rename to a hidden trash directory), the seqnum stamp the udev cleanup rule
 * ({@code packaging/udev/70-nvmf-registry.rules}) relies on, and listing with stale entries hidden.
 * Results are values ({@link java.util.Optional}, {@link org.nvmexpress.discoverd.registry.RegistryEntry});
 * failures are a {@link org.nvmexpress.discoverd.registry.RegistryException} with a reason.
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, the JDK, JNA and slf4j.
 *
 * <p><b>Threading:</b> thread-safe and process-safe without locks: every write is a rename, so
 * concurrent readers and writers in any process see complete values; the last writer wins.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.registry.Registry}.
 */
package org.nvmexpress.discoverd.registry;
