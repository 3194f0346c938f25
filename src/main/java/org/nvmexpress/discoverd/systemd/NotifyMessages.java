package org.nvmexpress.discoverd.systemd;

/**
 * The sd_notify messages, as they go on the wire: newline-separated {@code KEY=value} assignments
 * in one datagram (sd_notify(3)). A status text is made a single line, since a line break would
 * end the assignment and start a forged one.
 */
public final class NotifyMessages {
    private NotifyMessages() {
    }

    public static String ready(String status) {
        return "READY=1\nSTATUS=" + oneLine(status);
    }

    /** @param monotonicMicros CLOCK_MONOTONIC when the reload starts */
    public static String reloading(long monotonicMicros, String status) {
        return "RELOADING=1\nMONOTONIC_USEC=" + monotonicMicros + "\nSTATUS=" + oneLine(status);
    }

    public static String status(String status) {
        return "STATUS=" + oneLine(status);
    }

    public static String stopping(String status) {
        return "STOPPING=1\nSTATUS=" + oneLine(status);
    }

    public static String watchdog() {
        return "WATCHDOG=1";
    }

    /** {@code text} with every line break (and other control character) turned into a space. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
