/**
 * The systemd-style INI dialect that libnvme reads, shared by every INI file of the project: the
 * daemon configuration, the fabrics configuration and the exclusion lists (reference §8.4).
 *
 * <p><b>Owns:</b> reading a file safely ({@link org.nvmexpress.discoverd.ini.IniReader}: regular
 * file, at most 1 MiB, no NUL byte, valid UTF-8), splitting it into positioned lines
 * ({@link org.nvmexpress.discoverd.ini.IniLine}), and the {@link org.nvmexpress.discoverd.ini.Diagnostic}
 * every reader of a text file reports with. What a section or key means is the caller's business.
 * Also the bounds every such reader shares: the findings kept per file
 * ({@link org.nvmexpress.discoverd.ini.CappedDiagnostics}) and the bytes a load of several files may
 * take ({@link org.nvmexpress.discoverd.ini.ReadBudget}).
 * Hand-written: no maintained Java library reads this dialect (no inline comments, no {@code ;}
 * comments, empty values kept, junk lines reported rather than skipped).
 *
 * <p><b>May import:</b> {@code tid} (C white space only).
 *
 * <p><b>Threading:</b> stateless functions and immutable values; the two bounds are mutable, one
 * per read, confined to the reading thread.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.ini.IniReader}.
 */
package org.nvmexpress.discoverd.ini;
