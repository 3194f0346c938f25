/**
 * The Discovery Log Page (DLP): what a discovery controller lists, as a value, and the protocol
 * that reads it consistently (reference §5).
 *
 * <p><b>Owns:</b> the page model ({@link org.nvmexpress.discoverd.dlp.DiscoveryLogPage},
 * {@link org.nvmexpress.discoverd.dlp.DiscoveryLogEntry}: every field, raw codes beside libnvme's
 * names), the decoder of the 1024-byte header and entries
 * ({@link org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder}, bounded by the buffer, never by
 * {@code numrec}; a structural fault is a {@link org.nvmexpress.discoverd.dlp.DlpDecodeException}
 * with its byte offset, anything else a warning), the rule from an entry to a controller's TID
 * ({@link org.nvmexpress.discoverd.dlp.EntryTargets}: connectable with its TID and role, or rejected
 * with a reason, never thrown), and the fetch protocol of Get Log Page commands over the
 * {@link org.nvmexpress.discoverd.dlp.LogPageReader} port
 * ({@link org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher}: chunks, RAE, generation-counter retry,
 * every outcome a {@link org.nvmexpress.discoverd.dlp.FetchResult}). The port's production adapter,
 * the NVMe admin ioctl, lives in {@code kernel}. Nothing here logs: results carry their problems and
 * the caller logs once.
 *
 * <p><b>May import:</b> {@code tid} (the entry's TID), {@code ini}, {@code fs}, and the JDK. No JNA.
 *
 * <p><b>Threading:</b> immutable values and stateless functions; safe from any thread. A fetch
 * blocks in its reader, so the daemon runs it on a worker.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher}; bytes already in
 * memory (a file saved by {@code nvme discover --raw}) go to
 * {@link org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder#decode}.
 */
package org.nvmexpress.discoverd.dlp;
