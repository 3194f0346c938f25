/**
 * What the kernel shows: {@code /sys/class/nvme} and the connection-identity matcher (ARCHITECTURE
 * §3, §5).
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.kernel.sysfs.Sysfs} port and its production
 * {@link org.nvmexpress.discoverd.kernel.sysfs.SysfsReader} ({@code <root>/sys/class/nvme/nvmeN/*}
 * into immutable {@link org.nvmexpress.discoverd.kernel.sysfs.LiveController} records, {@code address}
 * parsed field by field, {@code /sys/kernel/uevent_seqnum}); waiting for a new controller's
 * attributes instead of upstream's fixed one-second soak
 * ({@link org.nvmexpress.discoverd.kernel.sysfs.ControllerSettler}); the
 * {@link org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher}, which decides whether a
 * live controller realises a desired TID (reference §4.3, §15 items 10-11, 31: never canonical
 * strings), its {@link org.nvmexpress.discoverd.kernel.sysfs.LiveControllerIndex} (the same answers
 * for many desired TIDs against one scan, without comparing each with every controller), and the
 * {@link org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup} port the connector asks
 * through it. Bad sysfs content is a reported
 * {@link org.nvmexpress.discoverd.kernel.sysfs.AttributeProblem}, never an exception.
 *
 * <p><b>May import:</b> {@code kernel}, {@code config}, {@code registry}, {@code tid} and the JDK.
 *
 * <p><b>Threading:</b> records, the matcher and a built index are immutable and thread-safe. The
 * reader, the settler and the lookup block on file I/O and are meant for worker threads, never the
 * daemon's loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.sysfs.SysfsReader}.
 */
package org.nvmexpress.discoverd.kernel.sysfs;
