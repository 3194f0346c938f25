/**
 * Everything the daemon learns from and does to the kernel (ARCHITECTURE §3, §5): so far the sysfs
 * view of NVMe controllers, the connection-identity matcher, the FC kickstart and the boot-time
 * clock.
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.kernel.Sysfs} port and its production
 * {@link org.nvmexpress.discoverd.kernel.SysfsReader} ({@code <root>/sys/class/nvme/nvmeN/*} into
 * immutable {@link org.nvmexpress.discoverd.kernel.LiveController} records, the {@code address}
 * attribute parsed field by field, {@code /sys/kernel/uevent_seqnum}), waiting for a new
 * controller's attributes instead of upstream's fixed one-second soak
 * ({@link org.nvmexpress.discoverd.kernel.ControllerSettler}), the
 * {@link org.nvmexpress.discoverd.kernel.ConnectionIdentityMatcher} that decides whether a live
 * controller realises a desired TID (reference §4.3, §15 items 10-11: never canonical strings), the
 * {@link org.nvmexpress.discoverd.kernel.FcKickstart} port (reference §6) and the
 * {@link org.nvmexpress.discoverd.kernel.MonotonicClock} port with its {@code CLOCK_BOOTTIME}
 * adapter. Bad sysfs content is a reported {@link org.nvmexpress.discoverd.kernel.AttributeProblem},
 * never an exception.
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp}, the JDK, JNA and slf4j.
 *
 * <p><b>Threading:</b> records and the matcher are immutable and thread-safe; the adapters are
 * stateless and block on file I/O or sleep, so they run on worker threads and never on the loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.SysfsReader}.
 */
package org.nvmexpress.discoverd.kernel;
