package org.nvmexpress.discoverd.daemon;

import java.util.Objects;

/**
 * Why the daemon wants a controller: one place that names it. A controller remembers every one of
 * its sources and stops being desired when its last source goes (a reload drops a file's line, a
 * new NBFT no longer lists it). The next issue adds discovery log pages and FC kickstart here.
 */
public sealed interface Source {

    /** How {@code --dry-run} and the log name the source: {@code FILE:LINE} or {@code nbft:TABLE:DESCRIPTOR}. */
    String describe();

    /**
     * A {@code controller =} line of the fabrics configuration.
     *
     * @param file the file as the daemon read it (under {@code --root})
     * @param line the 1-based line of the controller entry
     */
    record Configured(String file, int line) implements Source {
        public Configured {
            Objects.requireNonNull(file, "file");
            if (line < 1) {
                throw new IllegalArgumentException("line out of range: " + line);
            }
        }

        @Override
        public String describe() {
            return file + ":" + line;
        }
    }

    /**
     * A descriptor of a firmware boot table (NBFT).
     *
     * @param table      the table's file name, e.g. {@code NBFT} or {@code NBFT1}
     * @param descriptor the descriptor and its HFI, e.g. {@code SSNS 1 via HFI 1}
     */
    record Boot(String table, String descriptor) implements Source {
        public Boot {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(descriptor, "descriptor");
        }

        @Override
        public String describe() {
            return "nbft:" + table + ":" + descriptor;
        }
    }
}
