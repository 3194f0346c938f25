package org.nvmexpress.discoverd.kernel;

import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * Where a {@link GuestCheck} puts its results: one console line {@code RESULT <check>.<key>=<value>}
 * each, which {@link GuestResults} reads back on the host. The console is the only channel out of
 * the guest (the host root is read-only there), so values are kept to one line.
 */
final class GuestReport {
    static final String PREFIX = "RESULT ";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final String check;
    private final PrintStream out;

    GuestReport(String check, PrintStream out) {
        this.check = check;
        this.out = out;
    }

    /** Reports one result; line breaks in the value become {@code \n} so the line stays whole. */
    void put(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("result key '" + key + "' is not letters, digits, '-', '_' and dots");
        }
        String oneLine = value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
        out.println(PREFIX + check + "." + key + "=" + oneLine);
        out.flush();
    }
}
