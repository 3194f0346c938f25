/**
 * What the kernel is asked: one NVMe admin command on {@code /dev/nvmeX} (ARCHITECTURE §3, §5;
 * reference §5.2).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.kernel.admin.AdminPassthrough}
 * ({@code NVME_IOCTL_ADMIN64_CMD} falling back to {@code NVME_IOCTL_ADMIN_CMD}, the struct as explicit
 * byte offsets in {@code PassthroughStruct}), the {@link org.nvmexpress.discoverd.kernel.admin.Ioctl}
 * port under it, the Discovery Log Page reader built on it
 * ({@link org.nvmexpress.discoverd.kernel.admin.AdminLogPageReader}, the production {@code dlp}
 * reader), and the daemon's {@code dlp.DiscoveryLogSource} on a real system
 * ({@link org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs}: open {@code <root>/dev/nvmeX},
 * fetch, close on every path; a device that cannot be opened is a result, not an exception).
 *
 * <p><b>May import:</b> {@code kernel}, {@code dlp}, the JDK and JNA.
 *
 * <p><b>Threading:</b> commands and outcomes are immutable. A passthrough handle and the reader
 * built on it serve one worker thread at a time and block until the controller answers;
 * {@code DeviceDiscoveryLogs} is thread-safe (a handle per fetch) and blocks the same way, so the
 * daemon calls it from a worker, never from its loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs} for the
 * daemon; {@link org.nvmexpress.discoverd.kernel.admin.AdminLogPageReader} for a caller that holds
 * the device open itself.
 */
package org.nvmexpress.discoverd.kernel.admin;
