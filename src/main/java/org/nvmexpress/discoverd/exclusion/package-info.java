/**
 * Exclusion lists: the connections nobody may auto-connect, shared with nvme-cli 3.0 and libnvme
 * (reference §11). The default list is {@code /etc/nvme/exclusions.conf}; named lists are
 * {@code /etc/nvme/exclusions.conf.d/NAME.conf}; both are resolved under a root directory.
 *
 * <p><b>Owns:</b> the file format (line classification, the {@code [exclusions]} section, the header
 * of new files), entry validation, the matcher ({@link org.nvmexpress.discoverd.exclusion.ExclusionLists#match}:
 * re-reads the files on every call and fails open; {@link org.nvmexpress.discoverd.exclusion.ExclusionSnapshot}:
 * the lists read once, indexed, for a pass over many connections), and the writers (add, remove, create, delete
 * and the version-checked write behind {@code exclusion edit}). Readers are fail-safe: they skip
 * what they do not understand. Writers are strict: they refuse content a reader would skip, and
 * every change is an atomic replacement under the directory's {@code flock}, the lock nvme-cli's
 * editor takes. Failures are {@link org.nvmexpress.discoverd.exclusion.ExclusionException}s with a
 * reason and the {@link org.nvmexpress.discoverd.ini.Diagnostic}s that name file and line.
 *
 * <p><b>May import:</b> {@code tid} (entries are TIDs), {@code fs} (atomic replacement, directory
 * lock), {@code ini} ({@code Diagnostic} and its per-file cap only: the line classification
 * differs from {@code IniReader}'s, see {@code ListText}).
 *
 * <p><b>Threading:</b> immutable values and a stateless facade; safe from any thread and any number
 * of processes. Every call does blocking file I/O (at most 1 MiB per file).
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.exclusion.ExclusionLists}.
 */
package org.nvmexpress.discoverd.exclusion;
