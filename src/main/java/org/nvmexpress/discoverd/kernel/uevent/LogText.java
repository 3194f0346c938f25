package org.nvmexpress.discoverd.kernel.uevent;

import org.nvmexpress.discoverd.config.QuotedText;

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
        return QuotedText.of(text, MAX_SHOWN_CHARS);
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
        return QuotedText.escaped(message, limit) + (message.length() > limit ? "..." : "");
    }
}
