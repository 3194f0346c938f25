/**
 * What the kernel says: netlink uevents turned into the events the daemon consumes (ARCHITECTURE
 * §3, §5; reference §4, §6.2).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.kernel.uevent.UeventMonitor}, which reads a
 * {@code NETLINK_KOBJECT_UEVENT} socket
 * ({@link org.nvmexpress.discoverd.kernel.uevent.NetlinkUeventSocket}, udev group 2 or kernel group 1
 * per {@code uevent-source}) on its own thread, accepts only trusted senders
 * ({@link org.nvmexpress.discoverd.kernel.uevent.SenderPolicy}), decodes both wire formats
 * ({@link org.nvmexpress.discoverd.kernel.uevent.UeventDecoder}, bad bytes are a value with their
 * offset) and classifies them ({@link org.nvmexpress.discoverd.kernel.uevent.UeventClassifier}) into
 * the sealed, immutable {@link org.nvmexpress.discoverd.kernel.uevent.KernelEvent}s, including
 * {@code EventsLost} when the kernel dropped uevents. Struct layouts are explicit byte offsets
 * ({@code NetlinkLayout}); text from a sender is escaped before it is logged ({@code LogText}).
 *
 * <p><b>May import:</b> {@code kernel}, {@code config}, {@code registry}, {@code tid}, the JDK, JNA
 * and slf4j.
 *
 * <p><b>Threading:</b> events, the decoder and the classifier are immutable and thread-safe. The
 * monitor's reader runs on its own thread and calls its consumer there; the counters are safe to
 * read from any thread.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.uevent.UeventMonitor}.
 */
package org.nvmexpress.discoverd.kernel.uevent;
