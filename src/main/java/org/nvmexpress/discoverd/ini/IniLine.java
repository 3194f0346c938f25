package org.nvmexpress.discoverd.ini;

import java.util.Objects;

/**
 * One meaningful line of an INI file (comments and blank lines are dropped), with its 1-based line
 * number. The order of lines matters to readers: a section header, valid or not, changes which
 * section the following keys belong to.
 */
public sealed interface IniLine permits IniLine.Section, IniLine.KeyValue, IniLine.Junk {

    /** 1-based line number in the file. */
    int line();

    /** {@code [name]}: the name trimmed and non-empty. */
    record Section(int line, String name) implements IniLine {
        public Section {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code key = value}: both trimmed; everything after the first {@code =} is the value, which may
     * itself contain {@code =} and may be empty (an explicit empty value, distinct from absence).
     */
    record KeyValue(int line, String key, String value) implements IniLine {
        public KeyValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A line that is none of the above, or a section header that is malformed ({@code [x] y},
     * {@code [ ]}, {@code [x}). A malformed header ends the current section: what follows belongs to
     * no section until the next valid header.
     *
     * @param text    the trimmed line
     * @param header  true when the line looked like a section header
     */
    record Junk(int line, String text, boolean header) implements IniLine {
        public Junk {
            Objects.requireNonNull(text, "text");
        }
    }
}
