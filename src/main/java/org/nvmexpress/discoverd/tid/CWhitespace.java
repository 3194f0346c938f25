package org.nvmexpress.discoverd.tid;

/**
 * White space as C's {@code isspace} sees it in the "C" locale: space, tab, newline, vertical tab,
 * form feed, carriage return. The file formats we share with libnvme trim exactly these, so a value
 * with a non-breaking space keeps it, as it does there.
 */
public final class CWhitespace {
    private CWhitespace() {
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** {@code s} without leading and trailing C white space. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
