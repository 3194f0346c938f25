package org.nvmexpress.discoverd.kernel.uevent;

/**
 * Text from uevents made safe for a log line: a sender controls every byte, so control characters
 * become {@code \xNN} (no forged lines or terminal sequences) and long values are cut.
 */
final class LogText {
    /** Longest part of a value shown; a 8 KiB property should not become a log line. */
    static final int MAX_SHOWN_CHARS = 80;

    private LogText() {
    }

    /** {@code text} in single quotes, escaped and cut. */
    static String quoted(String text) {
        return "'" + escaped(text) + "'" + (text.length() > MAX_SHOWN_CHARS
                ? "... (" + text.length() + " characters)" : "");
    }

    /** {@code text} as is when it is short printable ASCII without spaces or quotes, else {@link #quoted}. */
    static String quotedIfOdd(String text) {
        boolean plain = !text.isEmpty() && text.length() <= MAX_SHOWN_CHARS
                && text.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '\'');
        return plain ? text : quoted(text);
    }

    /**
     * A message that embeds values from a uevent (as a TID error does), escaped like {@link #quoted}
     * and cut after four times {@link #MAX_SHOWN_CHARS}.
     */
    static String printable(String message) {
        int limit = 4 * MAX_SHOWN_CHARS;
        return escaped(message, limit) + (message.length() > limit ? "..." : "");
    }

    private static String escaped(String text) {
        return escaped(text, MAX_SHOWN_CHARS);
    }

    private static String escaped(String text, int limit) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), limit);
        if (shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
            shown--; // never cut a character in half
        }
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
