/**
 * Everything the daemon does to, and learns from, the Linux kernel. This part: the NVMe admin
 * passthrough ioctl and the built-in connector.
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.kernel.AdminPassthrough} (one admin command on
 * {@code /dev/nvmeX} through {@code NVME_IOCTL_ADMIN64_CMD}, falling back to
 * {@code NVME_IOCTL_ADMIN_CMD}; struct layout in {@link org.nvmexpress.discoverd.kernel.PassthroughStruct},
 * reference §5.2) behind the {@link org.nvmexpress.discoverd.kernel.Ioctl} port; the
 * {@code /dev/nvme-fabrics} port {@link org.nvmexpress.discoverd.kernel.FabricsDevice} with its option
 * string ({@link org.nvmexpress.discoverd.kernel.FabricsOptions}), option table and reply; and
 * {@link org.nvmexpress.discoverd.kernel.BuiltinConnector}, {@code nvme connect --idempotent --owner
 * --devid-file} in Java (reference §3.4, §10.4, ARCHITECTURE §6), with its secrets from systemd
 * credentials ({@link org.nvmexpress.discoverd.kernel.ConnectCredentials}) and its "already
 * connected?" port {@link org.nvmexpress.discoverd.kernel.LiveControllerLookup}. Errno values are typed
 * ({@link org.nvmexpress.discoverd.kernel.Errno}) and named in every message.
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp}; JNA for system calls (only the libc calls in use are
 * declared, loaded on first use).
 *
 * <p><b>Threading:</b> the adapters block on system calls and are meant for worker threads, never the
 * daemon's loop; an {@code AdminPassthrough} handle and a {@code BuiltinConnector} serve one thread
 * at a time. Values (options, replies, outcomes) are immutable.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.BuiltinConnector}.
 */
package org.nvmexpress.discoverd.kernel;
