package org.nvmexpress.discoverd.systemd;

/**
 * The daemon's one-line summary for {@code STATUS=}, shown by {@code systemctl status}:
 * {@code 12 controllers: 11 connected, 1 retrying}. Controllers that are neither (waiting for a
 * first attempt, given up) are counted as waiting, and shown only when there are some.
 *
 * @param controllers every controller the daemon wants connected
 * @param connected   of those, the ones that are live
 * @param retrying    of those, the ones that failed and wait for their next attempt
 */
public record StatusLine(int controllers, int connected, int retrying) {

    public StatusLine {
        if (controllers < 0 || connected < 0 || retrying < 0 || connected + retrying > controllers) {
            throw new IllegalArgumentException("controller counts do not add up: " + controllers + " controllers, "
                    + connected + " connected, " + retrying + " retrying");
        }
    }

    /** Those neither connected nor retrying. */
    public int waiting() {
        return controllers - connected - retrying;
    }

    public String text() {
        String line = controllers + (controllers == 1 ? " controller: " : " controllers: ") + connected
                + " connected, " + retrying + " retrying";
        return waiting() == 0 ? line : line + ", " + waiting() + " waiting";
    }

    @Override
    public String toString() {
        return text();
    }
}
