/**
 * Everything the daemon learns from and does to the kernel (ARCHITECTURE §3, §5), in three parts.
 *
 * <p><b>Owns:</b>
 * <ul>
 * <li><b>What the kernel shows.</b> The {@link org.nvmexpress.discoverd.kernel.Sysfs} port and its
 * production {@link org.nvmexpress.discoverd.kernel.SysfsReader} ({@code <root>/sys/class/nvme/nvmeN/*}
 * into immutable {@link org.nvmexpress.discoverd.kernel.LiveController} records, {@code address}
 * parsed field by field, {@code /sys/kernel/uevent_seqnum}); waiting for a new controller's
 * attributes instead of upstream's fixed one-second soak
 * ({@link org.nvmexpress.discoverd.kernel.ControllerSettler}); the
 * {@link org.nvmexpress.discoverd.kernel.ConnectionIdentityMatcher}, which decides whether a live
 * controller realises a desired TID (reference §4.3, §15 items 10-11, 31: never canonical strings).
 * Bad sysfs content is a reported {@link org.nvmexpress.discoverd.kernel.AttributeProblem}, never an
 * exception.</li>
 * <li><b>What the kernel says.</b> {@link org.nvmexpress.discoverd.kernel.UeventMonitor} reads a
 * {@code NETLINK_KOBJECT_UEVENT} socket ({@link org.nvmexpress.discoverd.kernel.NetlinkUeventSocket},
 * udev group 2 or kernel group 1 per {@code uevent-source}) on its own thread, accepts only trusted
 * senders ({@link org.nvmexpress.discoverd.kernel.SenderPolicy}), decodes both wire formats
 * ({@link org.nvmexpress.discoverd.kernel.UeventDecoder}, bad bytes are a value with their offset)
 * and classifies them ({@link org.nvmexpress.discoverd.kernel.UeventClassifier}) into the sealed,
 * immutable {@link org.nvmexpress.discoverd.kernel.KernelEvent}s the daemon consumes, including
 * {@code EventsLost} when the kernel dropped uevents (reference §4, §6.2).</li>
 * <li><b>What the kernel is asked.</b> {@link org.nvmexpress.discoverd.kernel.AdminPassthrough} (one
 * admin command on {@code /dev/nvmeX}, {@code NVME_IOCTL_ADMIN64_CMD} falling back to
 * {@code NVME_IOCTL_ADMIN_CMD}, reference §5.2) and the Discovery Log Page reader built on it
 * ({@link org.nvmexpress.discoverd.kernel.AdminLogPageReader}); the {@code /dev/nvme-fabrics} port
 * {@link org.nvmexpress.discoverd.kernel.FabricsDevice} and
 * {@link org.nvmexpress.discoverd.kernel.BuiltinConnector}, {@code nvme connect --idempotent --owner
 * --devid-file} in Java (reference §3.4, §10.4, ARCHITECTURE §6) with its secrets from systemd
 * credentials ({@link org.nvmexpress.discoverd.kernel.ConnectCredentials}); the
 * {@link org.nvmexpress.discoverd.kernel.FcKickstart} port (reference §6) and the
 * {@link org.nvmexpress.discoverd.kernel.MonotonicClock} port with its {@code CLOCK_BOOTTIME}
 * adapter.</li>
 * </ul>
 * Struct layouts are explicit byte offsets ({@code NetlinkLayout}, {@code PassthroughStruct}); errno
 * values are typed and named in every message ({@link org.nvmexpress.discoverd.kernel.Errno}).
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp}, the JDK, JNA (only the libc calls in use, loaded on first
 * use) and slf4j.
 *
 * <p><b>Threading:</b> records, the matcher, the decoder and the classifier are immutable and
 * thread-safe. The monitor's reader runs on its own thread and calls its consumer there. Every other
 * adapter blocks on system calls or file I/O and is meant for worker threads, never the daemon's
 * loop; an {@code AdminPassthrough} handle and a {@code BuiltinConnector} serve one thread at a time.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.kernel.SysfsReader},
 * {@link org.nvmexpress.discoverd.kernel.UeventMonitor} and
 * {@link org.nvmexpress.discoverd.kernel.BuiltinConnector}.
 */
package org.nvmexpress.discoverd.kernel;
