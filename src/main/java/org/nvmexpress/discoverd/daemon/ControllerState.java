package org.nvmexpress.discoverd.daemon;

/**
 * Where a desired controller stands, as the status line counts it (in this order). Every tracked
 * controller is in exactly one state; {@link #UNRESOLVED} counts configured connections whose host
 * name does not resolve yet (they have no TID, hence no unit, until it does).
 */
enum ControllerState {
    /** Its unit is up and, once the device appeared, linked to it. */
    CONNECTED("connected"),
    /** An attempt is under way: the gate is being checked, or the unit's job has not ended. */
    STARTING("starting"),
    /** The last attempt failed; the next one is armed (backoff). */
    RETRYING("retrying"),
    /** Desired, not attempted yet (the first pass has not reached it). */
    WAITING("waiting"),
    /** A configured host name that does not resolve; retried with backoff. */
    UNRESOLVED("unresolved"),
    /** An exclusion list entry matches it; re-checked when the lists change and on reload. */
    EXCLUDED("excluded"),
    /** Its live controller belongs to another orchestrator; handed off until the next reload. */
    FOREIGN_OWNED("foreign-owned"),
    /** The unit manager refused it (bad configuration); waits for a reload. */
    REFUSED("refused"),
    /**
     * A discovery controller whose log page was read and whose connection is not held (EPCSD
     * policy): disconnected until its next poll, which is armed.
     */
    PARKED("parked"),
    /**
     * A discovered discovery controller that kept failing for the give-up time: not retried until
     * a reload or the FC transport announces it again.
     */
    GIVEN_UP("given-up");

    private final String label;

    ControllerState(String label) {
        this.label = label;
    }

    /** How the status line and the log name it. */
    String label() {
        return label;
    }

    /** True for the states a reload plans afresh: nothing is under way and no retry is armed. */
    boolean replannedOnReload() {
        return this == WAITING || this == EXCLUDED || this == FOREIGN_OWNED || this == REFUSED || this == GIVEN_UP;
    }
}
