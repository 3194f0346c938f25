package org.nvmexpress.discoverd.kernel;

/**
 * One named check that runs inside the real-kernel guest (see {@link GuestMain}) and reports what
 * it saw as key/value results; the test on the host asserts them. A check leaves the guest as it
 * found it (deletes the controllers it connected), since the next check runs in the same boot.
 */
interface GuestCheck {
    /** The name the host asks for and the results are filed under: lower case, digits, dashes. */
    String name();

    /** Runs against the guest's kernel and its nvmet target ({@link GuestTarget}). */
    void run(GuestReport report) throws Exception;
}
