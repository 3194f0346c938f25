package org.nvmexpress.discoverd.systemd;

import java.util.List;
import java.util.Objects;

/** How a connection unit will connect, or why it must not be created. */
sealed interface ConnectPlan {

    /**
     * @param command     the connector as the unit's {@code ExecStart}
     * @param credentials the secrets the connector reads from {@code $CREDENTIALS_DIRECTORY}
     */
    record Ready(ExecCommand command, List<Credential> credentials) implements ConnectPlan {
        public Ready {
            Objects.requireNonNull(command, "command");
            credentials = List.copyOf(credentials);
        }
    }

    /** @param reason what is wrong and how to fix it, naming the configuration key; no secret */
    record Refused(String reason) implements ConnectPlan {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
