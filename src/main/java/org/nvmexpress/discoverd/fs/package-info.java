/**
 * Crash-safe file updates shared by the files other programs read concurrently: the ownership
 * registry and the exclusion lists (reference §10.3, §11.6).
 *
 * <p><b>Owns:</b> {@link org.nvmexpress.discoverd.fs.AtomicFiles} (write a temporary file, fsync it,
 * rename it over the target, fsync the directory: a reader sees the old content or the new, never a
 * mix) and {@link org.nvmexpress.discoverd.fs.DirectoryLock} ({@code flock(2)} on a directory, the
 * lock nvme-cli takes, which Java's {@code FileLock} (fcntl) does not interoperate with).
 *
 * <p><b>May import:</b> only the JDK and JNA.
 *
 * <p><b>Threading:</b> stateless; every call blocks on file I/O.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.fs.AtomicFiles}.
 */
package org.nvmexpress.discoverd.fs;
