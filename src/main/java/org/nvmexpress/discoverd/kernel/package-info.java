/**
 * Everything the daemon learns from and does to the kernel (ARCHITECTURE §3). This part: the
 * uevent monitor (reference §4, §6.2).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.kernel.UeventMonitor}, which reads a
 * {@code NETLINK_KOBJECT_UEVENT} socket ({@link org.nvmexpress.discoverd.kernel.NetlinkUeventSocket},
 * JNA, udev group 2 or kernel group 1 per {@code uevent-source}) on its own thread; the sender
 * check ({@link org.nvmexpress.discoverd.kernel.SenderPolicy}: the kernel's port id 0, or udevd's
 * uid 0 and libudev header); the decoder of both wire formats
 * ({@link org.nvmexpress.discoverd.kernel.UeventDecoder}, bad bytes are a value with their offset);
 * and the classification ({@link org.nvmexpress.discoverd.kernel.UeventClassifier}) into the sealed,
 * immutable {@link org.nvmexpress.discoverd.kernel.KernelEvent}s the daemon consumes, including
 * {@code EventsLost} when the kernel dropped uevents. Struct layouts are explicit byte offsets
 * ({@code NetlinkLayout}); errno values have names ({@link org.nvmexpress.discoverd.kernel.ErrnoName}).
 *
 * <p><b>May import:</b> {@code tid}, {@code fs}, {@code ini}, {@code registry}, {@code exclusion},
 * {@code config}, {@code nbft}, {@code dlp}; JNA for system calls.
 *
 * <p><b>Threading:</b> the monitor's reader runs on its own thread and calls the consumer there;
 * everything it hands out is immutable. Decoder and classifier are stateless and thread-safe.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.UeventMonitor}.
 */
package org.nvmexpress.discoverd.kernel;
