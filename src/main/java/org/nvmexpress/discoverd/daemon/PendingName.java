package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.config.ResolvedConnection;

/**
 * A configured connection whose controller is named by a host name that has not resolved (yet).
 * It is desired all the same: the loop keeps resolving it with backoff and never drops it, and the
 * first reconciliation reports it as {@link SkipReason#UNUSABLE} for now.
 *
 * @param connection the configured connection
 * @param hostName   its {@code traddr}, the name to resolve
 * @param lastError  why the last attempt failed, or that none was made yet; for the log
 */
public record PendingName(ResolvedConnection connection, String hostName, String lastError) {
    public PendingName {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** {@code FILE:LINE: host name NAME does not resolve yet: ERROR}, the skip detail. */
    public String describe() {
        return connection.source() + ": host name " + hostName + " does not resolve yet: " + lastError;
    }
}
