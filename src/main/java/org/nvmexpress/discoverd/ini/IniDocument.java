package org.nvmexpress.discoverd.ini;

import java.util.List;
import java.util.Objects;

/**
 * The meaningful lines of one INI file, in file order.
 *
 * @param file  the file's name as reported in diagnostics
 * @param lines sections, key/value pairs and junk, in order
 */
public record IniDocument(String file, List<IniLine> lines) {
    public IniDocument {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
    }
}
