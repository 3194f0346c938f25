package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The table {@code controllers} prints: one row per controller, each column as wide as its widest
 * value, two spaces between columns, no trailing blanks. Values that make a line too long for a
 * terminal (NQN, target, last error) are cut to a width, unless {@code full}: an NQN or a target
 * in the middle, since both differ at their ends ({@code nqn.2014-08.org.nvmexpress:uuid:…}); an
 * error at its end, where the detail is. JSON is never cut.
 */
final class ControllerTable {
    static final int NQN_WIDTH = 36;
    static final int TARGET_WIDTH = 32;
    static final int ERROR_WIDTH = 40;
    /** ASCII, not "…": a terminal or a pipe in the C locale prints the latter as "?". */
    private static final String CUT = "...";
    private static final String[] HEADER = {"UNIT", "ROLE", "STATE", "DEVICE", "TARGET", "NQN", "ATTEMPTS",
        "NEXT RETRY", "LAST ERROR"};
    /** The column printed flush right (a count). */
    private static final int ATTEMPTS = 6;

    private final TimeText time;
    private final boolean full;

    ControllerTable(TimeText time, boolean full) {
        this.time = Objects.requireNonNull(time, "time");
        this.full = full;
    }

    void print(List<DaemonController> controllers, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        controllers.forEach(c -> rows.add(row(c)));
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.println(line(row, widths, row == HEADER));
        }
    }

    private String[] row(DaemonController c) {
        return new String[] {c.unit(), c.role(), c.state(), c.device().orElse("-"),
            middle(c.tid().target(), TARGET_WIDTH), middle(c.tid().nqn().orElse("-"), NQN_WIDTH),
            String.valueOf(c.attempts()),
            c.nextRetryUSec().isPresent() ? time.until(c.nextRetryUSec().getAsLong()) : "-",
            end(c.lastError().orElse("-"), ERROR_WIDTH)};
    }

    private static String line(String[] row, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            boolean last = i == row.length - 1;
            if (i == ATTEMPTS && !header) {
                line.append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
            } else {
                line.append(row[i]).append(last ? "" : " ".repeat(widths[i] - row[i].length()));
            }
        }
        return line.toString();
    }

    /** {@code value} at most {@code width} long, its middle replaced by {@code ...}. */
    String middle(String value, int width) {
        if (full || value.length() <= width) {
            return value;
        }
        int kept = width - CUT.length();
        int head = (kept + 1) / 2;
        return value.substring(0, head) + CUT + value.substring(value.length() - (kept - head));
    }

    /** {@code value} at most {@code width} long, its end replaced by {@code ...}. */
    String end(String value, int width) {
        if (full || value.length() <= width) {
            return value;
        }
        return value.substring(0, width - CUT.length()) + CUT;
    }
}
