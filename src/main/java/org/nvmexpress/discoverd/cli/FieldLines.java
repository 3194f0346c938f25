package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code Label: value} layout of {@code status} and {@code controller}, as {@code systemctl
 * status} prints it: labels flush right in one column, a list's further values under its first.
 */
final class FieldLines {
    /** Wide enough for the longest label, "Last reload" and "Next retry", and a margin. */
    private static final int LABEL_WIDTH = 12;

    private FieldLines() {
    }

    static void field(PrintWriter out, String label, String value) {
        out.println(" ".repeat(Math.max(0, LABEL_WIDTH - label.length())) + label + ": " + value);
    }

    /** One line per value, the first after the label; {@code none} when there is no value. */
    static void list(PrintWriter out, String label, List<String> values, String none) {
        if (values.isEmpty()) {
            field(out, label, none);
            return;
        }
        field(out, label, values.get(0));
        for (String value : values.subList(1, values.size())) {
            out.println(" ".repeat(LABEL_WIDTH + 2) + value);
        }
    }
}
