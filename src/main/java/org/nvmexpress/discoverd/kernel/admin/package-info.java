/**
 * What the kernel is asked: one NVMe admin command on {@code /dev/nvmeX} (ARCHITECTURE §3, §5;
 * reference §5.2).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.kernel.admin.AdminPassthrough}
 * ({@code NVME_IOCTL_ADMIN64_CMD} falling back to {@code NVME_IOCTL_ADMIN_CMD}, the struct as explicit
 * byte offsets in {@code PassthroughStruct}), the {@link org.nvmexpress.discoverd.kernel.admin.Ioctl}
 * port under it, and the Discovery Log Page reader built on it
 * ({@link org.nvmexpress.discoverd.kernel.admin.AdminLogPageReader}, the production {@code dlp}
 * reader).
 *
 * <p><b>May import:</b> {@code kernel}, {@code dlp}, the JDK and JNA.
 *
 * <p><b>Threading:</b> commands and outcomes are immutable. A passthrough handle and the reader
 * built on it serve one worker thread at a time and block until the controller answers.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.admin.AdminLogPageReader}.
 */
package org.nvmexpress.discoverd.kernel.admin;
