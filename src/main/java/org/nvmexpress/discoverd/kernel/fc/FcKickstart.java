package org.nvmexpress.discoverd.kernel.fc;

/**
 * Asks the FC transport to announce every discovery controller it can reach (reference §6): the
 * kernel answers with one {@code fc} uevent {@code FC_EVENT=nvmediscovery} per remote port, which
 * the uevent monitor turns into FC discovery events. Idempotent; harmless while a scan runs.
 */
@FunctionalInterface
public interface FcKickstart {
    /** Outcome of one request. */
    enum Outcome {
        /** The request was written; uevents follow for each reachable discovery port. */
        REQUESTED,
        /** The host has no FC transport (no HBA or driver): nothing to scan, not an error. */
        NO_FC
    }

    /**
     * Requests a scan.
     *
     * @throws FcKickstartException when FC is present but the request could not be written
     */
    Outcome kickstart() throws FcKickstartException;
}
