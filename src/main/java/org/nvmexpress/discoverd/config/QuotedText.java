package org.nvmexpress.discoverd.config;

/**
 * A value from an untrusted input, quoted for a log line or a message: in single quotes, control
 * characters as {@code \xNN} so the value cannot forge a line or a terminal sequence, cut after a
 * limit (never inside a character) with the full length said.
 */
public final class QuotedText {
    private QuotedText() {
    }

    /** {@code text} quoted, showing at most {@code limit} characters. */
    public static String of(String text, int limit) {
        String cut = text.length() > limit ? "... (" + text.length() + " characters)" : "";
        return "'" + escaped(text, limit) + "'" + cut;
    }

    /**
     * The first {@code limit} characters of {@code text} (never half a character), control
     * characters as {@code \xNN}.
     */
    public static String escaped(String text, int limit) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), limit);
        if (shown > 0 && shown < text.length() && Character.isHighSurrogate(text.charAt(shown - 1))) {
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
