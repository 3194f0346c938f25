/**
 * Everything the daemon learns from and does to the kernel (ARCHITECTURE §3, §5), one sub-package
 * per concern; this package keeps only what several of them share.
 *
 * <p><b>Sub-packages</b> (each states its own contract):
 * <ul>
 * <li>{@code kernel.sysfs}: what the kernel shows, {@code /sys/class/nvme} read into immutable
 * controllers, and the connection-identity matcher.</li>
 * <li>{@code kernel.uevent}: what the kernel says, the netlink uevent monitor and the sealed
 * {@code KernelEvent}s it posts.</li>
 * <li>{@code kernel.admin}: what the kernel is asked, the NVMe admin ioctl and the Discovery Log
 * Page reader built on it.</li>
 * <li>{@code kernel.fabrics}: {@code /dev/nvme-fabrics} and the built-in connector.</li>
 * <li>{@code kernel.fc}: the FC kickstart port and its udev adapter.</li>
 * </ul>
 * Within {@code kernel} the arrows point down too: every sub-package may import this package;
 * {@code fabrics} may import {@code sysfs} (the connector asks whether a connection is already up);
 * no other sub-package imports a sibling, and this package imports none of them.
 *
 * <p><b>Owns:</b> typed errno values and the exception that carries them
 * ({@link org.nvmexpress.discoverd.kernel.Errno}, {@link org.nvmexpress.discoverd.kernel.ErrnoException},
 * never a bare int), the libc calls on device nodes that both the admin ioctl and the fabrics device
 * make ({@link org.nvmexpress.discoverd.kernel.DeviceCalls}), one sysfs attribute read as a line of
 * text ({@link org.nvmexpress.discoverd.kernel.AttributeText}, read by {@code sysfs} and {@code fc}),
 * the host identity a connect uses and a live controller is matched against
 * ({@link org.nvmexpress.discoverd.kernel.ConnectIdentity}), and time: the
 * one {@link org.nvmexpress.discoverd.kernel.Clock} port with its one adapter
 * {@link org.nvmexpress.discoverd.kernel.PosixClock} ({@code CLOCK_BOOTTIME} for timers,
 * {@code CLOCK_MONOTONIC} for systemd) and the {@link org.nvmexpress.discoverd.kernel.Sleeper} port.
 *
 * <p><b>May import:</b> {@code registry}, {@code tid}, the JDK and JNA (only the libc calls in use,
 * loaded on first use); none of its own sub-packages.
 *
 * <p><b>Threading:</b> records and static helpers, immutable and thread-safe; the libc calls block
 * the calling worker thread, never the daemon's loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.PosixClock}, the production clock.
 */
package org.nvmexpress.discoverd.kernel;
